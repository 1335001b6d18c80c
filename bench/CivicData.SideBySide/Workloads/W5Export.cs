using System.Globalization;
using CivicData.SideBySide.Engines;
using CivicData.SideBySide.Measuring;
using CivicData.SideBySide.Reporting;

namespace CivicData.SideBySide.Workloads;

/// <summary>
/// W5: full downloads (<c>/api/views/{id}/rows.csv</c> and <c>rows.json</c>) of every row, one at a time and eight at
/// once, with the server's resident memory sampled throughout; against DuckDB's and PostgreSQL's own <c>COPY … TO</c>.
/// </summary>
internal static class W5Export
{
    private const int Parallel = 8;

    /// <summary>Issue 5: at least this many rows per second, with at most this much server memory above idle.</summary>
    private const double TargetRowsPerSecond = 200_000, TargetMemoryMiB = 100;

    public static async Task RunAsync(BenchContext context)
    {
        CivicDataServer server = await context.ServerAsync();
        long rows = context.Options.Rows;
        int repetitions = context.Options.Repetitions;
        ReportTable table = context.Report.Table(
            "W5 export",
            $"Every row ({rows:N0}) downloaded over HTTP from `/api/views/{{id}}/rows.csv` and `rows.json`, the body read to the end by the client; alone, and {Parallel} downloads at once (time until the last one ends). The server's resident memory is sampled every 20 ms; \"above idle\" is the peak minus the resident memory just before the first download. Baselines: DuckDB `COPY t TO 'file' (FORMAT csv | json)` in process, and PostgreSQL `COPY t TO STDOUT (FORMAT csv)` / `COPY (SELECT row_to_json(t) …) TO STDOUT` read by this process.",
            "system", "format", "clients", "median", "p95", "rows/s", "server memory above idle");

        foreach ((string format, string path) in new[] { ("CSV", "rows.csv"), ("JSON", "rows.json") })
        {
            string url = $"/api/views/{BenchContext.DatasetId}/{path}?accessType=DOWNLOAD";
            BenchContext.Log($"W5: {format} export, alone and {Parallel} at once");
            long bytes = await context.GetAsync(server, url);
            GC.Collect();
            double idle = ProcessMemory.ResidentMiB(server.ProcessId);

            (Summary alone, double alonePeak) = await SampledAsync(server.ProcessId, () =>
                Repeat.TimeAsync(0, repetitions, () => context.GetAsync(server, url)));
            (Summary together, double togetherPeak) = await SampledAsync(server.ProcessId, () =>
                Repeat.TimeAsync(0, repetitions, () => Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => context.GetAsync(server, url)))));

            double aloneRate = rows / (alone.Median / 1000);
            double togetherRate = Parallel * rows / (together.Median / 1000);
            table.Add("CivicData (HTTP)", format, "1", Summary.Milliseconds(alone.Median), Summary.Milliseconds(alone.P95), Rate(aloneRate), $"{alonePeak - idle:N0} MiB (idle {idle:N0} MiB)");
            table.Add("CivicData (HTTP)", format, Parallel.ToString(CultureInfo.InvariantCulture), Summary.Milliseconds(together.Median), Summary.Milliseconds(together.P95), Rate(togetherRate), $"{togetherPeak - idle:N0} MiB");
            table.Notes.Add($"{format}: one download is {bytes / 1048576.0:N0} MiB.");
            context.Report.Chart.Add(new ChartPoint($"W5 {format} export", "CivicData", alone.Median));
            double worstMemory = Math.Max(alonePeak, togetherPeak) - idle;
            double worstRate = Math.Min(aloneRate, togetherRate);
            context.Report.Targets.Add(new TargetCheck(
                "W5 " + format,
                "≥ 200,000 rows/s and < 100 MB above idle, alone and 8 at once",
                $"{Rate(aloneRate)} / {Rate(togetherRate)} rows/s; {alonePeak - idle:N0} / {togetherPeak - idle:N0} MiB",
                worstRate >= TargetRowsPerSecond && worstMemory < TargetMemoryMiB));

            Summary duck = await DuckDbCopyAsync(context, format);
            table.Add("DuckDB COPY", format, "1", Summary.Milliseconds(duck.Median), Summary.Milliseconds(duck.P95), Rate(rows / (duck.Median / 1000)), "");
            context.Report.Chart.Add(new ChartPoint($"W5 {format} export", "DuckDB", duck.Median));
            if (context.Postgres is { } postgres)
            {
                string copy = format == "CSV"
                    ? $"COPY {BenchContext.RawTable} TO STDOUT (FORMAT csv, HEADER true)"
                    : $"COPY (SELECT row_to_json(t) FROM {BenchContext.RawTable} t) TO STDOUT";
                Summary pg = await Repeat.TimeAsync(1, repetitions, () => postgres.CopyOutAsync(copy));
                table.Add("PostgreSQL COPY", format, "1", Summary.Milliseconds(pg.Median), Summary.Milliseconds(pg.P95), Rate(rows / (pg.Median / 1000)), "");
                context.Report.Chart.Add(new ChartPoint($"W5 {format} export", "PostgreSQL", pg.Median));
            }
        }
    }

    private static async Task<(Summary Times, double PeakMiB)> SampledAsync(int pid, Func<Task<Summary>> run)
    {
        var sampler = new MemorySampler(pid);
        Summary times;
        try
        {
            times = await run();
        }
        finally
        {
            await sampler.DisposeAsync();
        }

        return (times, sampler.PeakMiB);
    }

    private static Task<Summary> DuckDbCopyAsync(BenchContext context, string format)
    {
        string file = Path.Combine(context.Options.WorkDirectory, "export." + format.ToLowerInvariant());
        string options = format == "CSV" ? "FORMAT csv, HEADER true" : "FORMAT json, ARRAY true";
        return Repeat.TimeAsync(1, context.Options.Repetitions, () =>
        {
            // The file name is the harness's own; COPY takes no parameter for it.
            context.DuckDb.Execute($"COPY {BenchContext.RawTable} TO '{file}' ({options})");
            File.Delete(file);
            return Task.CompletedTask;
        });
    }

    private static string Rate(double rowsPerSecond) => rowsPerSecond.ToString("N0", CultureInfo.InvariantCulture);
}
