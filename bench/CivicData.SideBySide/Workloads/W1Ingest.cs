using CivicData.SideBySide.Measuring;
using CivicData.SideBySide.Reporting;

namespace CivicData.SideBySide.Workloads;

/// <summary>
/// W1: load the N-row CSV. CivicData is the whole <c>civicdata import</c> command (process start, type inference,
/// typed build, catalog switch), against DuckDB's <c>read_csv</c> into a table and PostgreSQL's <c>COPY</c>.
/// </summary>
internal static class W1Ingest
{
    public static async Task RunAsync(BenchContext context)
    {
        BenchOptions options = context.Options;
        await context.StopServerAsync();
        string csv = context.Generate(options.Rows);
        long rows = options.Rows;

        BenchContext.Log("W1: civicdata import (first run creates the dataset, the timed ones replace it)");
        context.ResetDataDirectory();
        bool created = false;
        Summary civic = await Repeat.TimeAsync(1, options.Repetitions, async () =>
        {
            await context.CivicData.ImportAsync(context.DataDirectory, csv, BenchContext.DatasetId, "Service requests (benchmark)", replace: created);
            created = true;
        });

        BenchContext.Log("W1: DuckDB read_csv");
        Summary duck = await Repeat.TimeAsync(1, options.Repetitions, () =>
        {
            context.DuckDb.LoadCsv(BenchContext.RawTable, csv);
            return Task.CompletedTask;
        });

        Summary? postgres = null;
        if (context.Postgres is { } pg)
        {
            BenchContext.Log("W1: PostgreSQL COPY");
            postgres = await Repeat.TimeAsync(1, options.Repetitions, () => pg.LoadCsvAsync(BenchContext.RawTable, csv));
        }

        context.MarkLoaded();

        ReportTable table = context.Report.Table(
            "W1 ingest",
            $"Loading the {rows:N0}-row CSV ({new FileInfo(csv).Length / 1048576.0:N0} MiB). CivicData: `civicdata import` as a new process each time (start-up, type inference, typed build, catalog switch; replacing the previous version). DuckDB: `CREATE OR REPLACE TABLE … AS SELECT * FROM read_csv(…)` into a file database, in process. PostgreSQL: `DROP`/`CREATE TABLE`, `COPY … FROM STDIN (FORMAT csv)` from this process, then `ANALYZE`.",
            "system", "median", "p95", "rows/s", "× DuckDB");
        AddRow(table, "CivicData import", civic, rows, duck);
        AddRow(table, "DuckDB read_csv", duck, rows, duck);
        if (postgres is not null)
        {
            AddRow(table, "PostgreSQL COPY", postgres, rows, duck);
        }

        context.Report.Chart.Add(new ChartPoint("W1 ingest", "CivicData", civic.Median));
        context.Report.Chart.Add(new ChartPoint("W1 ingest", "DuckDB", duck.Median));
        if (postgres is not null)
        {
            context.Report.Chart.Add(new ChartPoint("W1 ingest", "PostgreSQL", postgres.Median));
        }

        double ratio = civic.Median / duck.Median;
        context.Report.Targets.Add(new TargetCheck("W1", "≤ 1.3× DuckDB read_csv", $"{ratio:N2}×", ratio <= 1.3));
    }

    private static void AddRow(ReportTable table, string system, Summary summary, long rows, Summary baseline) =>
        table.Add(
            system,
            Summary.Milliseconds(summary.Median),
            Summary.Milliseconds(summary.P95),
            (rows / (summary.Median / 1000)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            (summary.Median / baseline.Median).ToString("N2", System.Globalization.CultureInfo.InvariantCulture) + "×");
}
