using System.Globalization;
using System.Text;
using CivicData.SideBySide.Engines;
using CivicData.SideBySide.Measuring;
using CivicData.SideBySide.Reporting;
using DuckDB.NET.Data;

namespace CivicData.SideBySide.Workloads;

/// <summary>
/// W4: requests per second for a dataset's first page and for W3 at 8 and 64 concurrent connections, with latency
/// percentiles. CivicData is driven over HTTP by wrk (or, without wrk, by a bounded HttpClient loop); the raw engines
/// by as many in-process clients, each with its own connection, for the same time.
/// </summary>
internal static class W4Throughput
{
    private static readonly int[] s_connections = [8, 64];

    public static async Task RunAsync(BenchContext context)
    {
        CivicDataServer server = await context.ServerAsync();
        int seconds = Math.Max(1, context.Options.LoadSeconds);
        var duration = TimeSpan.FromSeconds(seconds);
        string? wrk = Wrk.Find();
        string client = wrk is null ? "a bounded HttpClient loop (wrk is not installed)" : "wrk 2 threads, `--latency`";

        Shape[] shapes =
        [
            new("first page", $"/resource/{BenchContext.DatasetId}.json", "SELECT * FROM {table} LIMIT 1000", []),
            new("W3", $"/resource/{BenchContext.DatasetId}.json?{EncodeQuery(W2W3Queries.FilterSortPage.Soda)}", W2W3Queries.FilterSortPage.Sql, W2W3Queries.FilterSortPage.Parameters),
        ];

        ReportTable table = context.Report.Table(
            "W4 throughput",
            $"Closed-loop load for {seconds} s per row over {context.Options.Rows:N0} rows: the first page `GET {shapes[0].Path}` (SODA's default 1,000 rows) and W3 `GET {shapes[1].Path}`. CivicData: {client}, over loopback against the real server, every body read. DuckDB: that many clients in this process, one connection each, running `{Describe(shapes[0].Sql)}` and `{Describe(shapes[1].Sql)}` and reading every value.{(context.Postgres is null ? "" : " PostgreSQL: the same SQL, that many pooled connections.")} Requests (or queries) per second count completed ones; latencies are per request, in ms. The load generator shares the machine's {Environment.ProcessorCount} cores with the system it drives.",
            "system / URL", "connections", "req/s", "p50", "p90", "p99");
        var at64 = new List<string>();
        var failures = new List<string>();

        void Record(string system, string shape, int connections, LoadResult result)
        {
            string label = $"{system} {shape}";
            table.Add(label, connections.ToString(CultureInfo.InvariantCulture), result.Rate, Format(result.P50), Format(result.P90), Format(result.P99));
            if (result.Failed)
            {
                failures.Add($"{label} at {connections}: {result.ErrorDetail ?? "no request completed"}");
            }

            if (shape == "W3" && connections == 64)
            {
                at64.Add($"{system} {result.Rate}");
            }
        }

        foreach (Shape shape in shapes)
        {
            for (int i = 0; i < 3; i++)
            {
                await context.GetAsync(server, shape.Path);
            }

            foreach (int connections in s_connections)
            {
                BenchContext.Log($"W4: CivicData {shape.Name}, {connections} connections, {seconds} s ({(wrk is null ? "HttpClient" : "wrk")})");
                LoadResult result = wrk is null
                    ? await ConcurrentLoad.RunAsync("HttpClient", connections, duration, _ => () => context.GetAsync(server, shape.Path))
                    : await Wrk.RunAsync(wrk, new Uri(server.BaseAddress, shape.Path), connections, seconds);
                Record("CivicData", shape.Name, connections, result);
            }
        }

        foreach (Shape shape in shapes)
        {
            string sql = shape.Sql.Replace("{table}", BenchContext.RawTable, StringComparison.Ordinal);
            foreach (int connections in s_connections)
            {
                BenchContext.Log($"W4: DuckDB {shape.Name}, {connections} clients, {seconds} s");
                Record("DuckDB", shape.Name, connections, await RunDuckDbAsync(context.DuckDb, sql, shape.Parameters, connections, duration));
            }
        }

        if (context.Postgres is { } postgres)
        {
            foreach (Shape shape in shapes)
            {
                string sql = NumberedPlaceholders(shape.Sql.Replace("{table}", BenchContext.RawTable, StringComparison.Ordinal));
                await postgres.QueryAsync(sql, shape.Parameters);
                foreach (int connections in s_connections)
                {
                    BenchContext.Log($"W4: PostgreSQL {shape.Name}, {connections} connections, {seconds} s");
                    Record("PostgreSQL", shape.Name, connections, await ConcurrentLoad.RunAsync("Npgsql", connections, duration, _ => () => postgres.QueryAsync(sql, shape.Parameters)));
                }
            }
        }

        table.Notes.Add($"W3 at 64 connections: {string.Join("; ", at64)} (requests or queries per second).");
        if (failures.Count > 0)
        {
            table.Notes.Add("**Failed measurements** (any error voids a run): " + string.Join("; ", failures) + ".");
        }
    }

    /// <summary>
    /// One client per connection, each on its own DuckDB connection to the harness's database file (DuckDB.NET shares
    /// one database instance among a process's connections to a file), warmed by one query before the clock starts.
    /// </summary>
    private static async Task<LoadResult> RunDuckDbAsync(RawDuckDb duckDb, string sql, object[] parameters, int clients, TimeSpan duration)
    {
        var connections = new List<DuckDBConnection>(clients);
        try
        {
            for (int i = 0; i < clients; i++)
            {
                var connection = new DuckDBConnection("Data Source=" + duckDb.Path);
                connections.Add(connection);
                connection.Open();
                RawDuckDb.Query(connection, sql, parameters);
            }

            return await ConcurrentLoad.RunAsync("DuckDB", clients, duration, index => () =>
            {
                RawDuckDb.Query(connections[index], sql, parameters);
                return Task.CompletedTask;
            });
        }
        finally
        {
            foreach (DuckDBConnection connection in connections)
            {
                connection.Dispose();
            }
        }
    }

    /// <summary>
    /// A SODA query string as it goes on the wire: each name and value percent-encoded (<c>$where</c> becomes
    /// <c>%24where</c>, spaces <c>%20</c>), so wrk sends exactly what a browser would.
    /// </summary>
    private static string EncodeQuery(string soda) =>
        string.Join('&', soda.Split('&').Select(pair =>
        {
            string[] parts = pair.Split('=', 2);
            return Uri.EscapeDataString(parts[0]) + (parts.Length == 2 ? "=" + Uri.EscapeDataString(parts[1]) : "");
        }));

    /// <summary>PostgreSQL (through Npgsql's positional parameters) numbers its placeholders: <c>?</c> becomes <c>$1</c>, <c>$2</c>…</summary>
    private static string NumberedPlaceholders(string sql)
    {
        string[] pieces = sql.Split('?');
        var text = new StringBuilder(pieces[0]);
        for (int i = 1; i < pieces.Length; i++)
        {
            text.Append('$').Append(i).Append(pieces[i]);
        }

        return text.ToString();
    }

    private static string Describe(string sql) => sql.Replace("{table}", "t", StringComparison.Ordinal);

    private static string Format(double milliseconds) => double.IsNaN(milliseconds) ? "—" : Summary.Milliseconds(milliseconds);

    /// <summary>One request shape: its SODA path and the hand-written SQL the raw engines run for it.</summary>
    private sealed record Shape(string Name, string Path, string Sql, object[] Parameters);
}
