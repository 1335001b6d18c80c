using System.Globalization;
using System.Text.Json;
using CivicData.SideBySide.Engines;
using CivicData.SideBySide.Measuring;
using CivicData.SideBySide.Reporting;

namespace CivicData.SideBySide.Workloads;

/// <summary>
/// One SODA request against the same work written by hand for each raw engine: timed side by side, and the row counts
/// compared first so that a fast wrong answer cannot pass for a fast right one.
/// </summary>
internal sealed record QueryComparison(string Soda, string Sql, object[] Parameters)
{
    public async Task<QueryTimes> MeasureAsync(BenchContext context, string datasetId, string table)
    {
        CivicDataServer server = await context.ServerAsync();
        string url = $"/resource/{datasetId}.json?{Soda}";
        string sql = Sql.Replace("{table}", table, StringComparison.Ordinal);
        int repetitions = Math.Max(context.Options.Repetitions, 10);

        int civicRows = await CountJsonRowsAsync(context, server, url);
        long duckRows = context.DuckDb.Query(sql, Parameters);
        if (civicRows != duckRows)
        {
            throw new InvalidOperationException($"CivicData returned {civicRows} rows for {url} but DuckDB {duckRows} for {sql}.");
        }

        Summary civic = await Repeat.TimeAsync(2, repetitions, () => context.GetAsync(server, url));
        Summary duck = await Repeat.TimeAsync(2, repetitions, () => Task.FromResult(context.DuckDb.Query(sql, Parameters)));
        Summary? postgres = null;
        if (context.Postgres is { } pg)
        {
            string pgSql = NumberPlaceholders(sql);
            long pgRows = await pg.QueryAsync(pgSql, Parameters);
            if (pgRows != duckRows)
            {
                throw new InvalidOperationException($"PostgreSQL returned {pgRows} rows but DuckDB {duckRows} for {sql}.");
            }

            postgres = await Repeat.TimeAsync(2, repetitions, () => pg.QueryAsync(pgSql, Parameters));
        }

        return new QueryTimes(civic, duck, postgres, civicRows);
    }

    public static void AddRows(ReportTable table, string label, QueryTimes times)
    {
        table.Add($"{label} CivicData (HTTP)", Summary.Milliseconds(times.CivicData.Median), Summary.Milliseconds(times.CivicData.P95), Ratio(times.CivicData, times.DuckDb), times.Rows.ToString("N0", CultureInfo.InvariantCulture));
        table.Add($"{label} DuckDB", Summary.Milliseconds(times.DuckDb.Median), Summary.Milliseconds(times.DuckDb.P95), "1.00×", times.Rows.ToString("N0", CultureInfo.InvariantCulture));
        if (times.Postgres is { } postgres)
        {
            table.Add($"{label} PostgreSQL", Summary.Milliseconds(postgres.Median), Summary.Milliseconds(postgres.P95), Ratio(postgres, times.DuckDb), times.Rows.ToString("N0", CultureInfo.InvariantCulture));
        }
    }

    public static void AddChart(RunReport report, string workload, QueryTimes times)
    {
        report.Chart.Add(new ChartPoint(workload, "CivicData", times.CivicData.Median));
        report.Chart.Add(new ChartPoint(workload, "DuckDB", times.DuckDb.Median));
        if (times.Postgres is { } postgres)
        {
            report.Chart.Add(new ChartPoint(workload, "PostgreSQL", postgres.Median));
        }
    }

    /// <summary>The bar for W2 and W3: at most 1.5× raw DuckDB plus 2 ms for HTTP.</summary>
    public static TargetCheck Target(string workload, QueryTimes times)
    {
        double allowed = (1.5 * times.DuckDb.Median) + 2;
        return new TargetCheck(
            workload,
            "≤ 1.5× DuckDB + 2 ms",
            $"{Summary.Milliseconds(times.CivicData.Median)} vs {Summary.Milliseconds(allowed)} allowed ({times.CivicData.Median / times.DuckDb.Median:N2}× DuckDB)",
            times.CivicData.Median <= allowed);
    }

    private static string Ratio(Summary value, Summary baseline) =>
        (value.Median / baseline.Median).ToString("N2", CultureInfo.InvariantCulture) + "×";

    /// <summary>DuckDB takes <c>?</c>; PostgreSQL (through Npgsql's positional parameters) takes <c>$1, $2…</c>.</summary>
    private static string NumberPlaceholders(string sql)
    {
        var text = new System.Text.StringBuilder();
        int next = 1;
        foreach (char c in sql)
        {
            _ = c == '?' ? text.Append('$').Append(next++) : text.Append(c);
        }

        return text.ToString();
    }

    private static async Task<int> CountJsonRowsAsync(BenchContext context, CivicDataServer server, string url)
    {
        await using Stream body = await context.Http.GetStreamAsync(new Uri(server.BaseAddress, url));
        using JsonDocument document = await JsonDocument.ParseAsync(body);
        return document.RootElement.GetArrayLength();
    }
}

/// <summary>Medians and p95s of one query on each system, and the rows it returned.</summary>
internal sealed record QueryTimes(Summary CivicData, Summary DuckDb, Summary? Postgres, int Rows);
