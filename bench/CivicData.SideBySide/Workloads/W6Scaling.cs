using System.Diagnostics;
using System.Globalization;
using CivicData.SideBySide.Measuring;
using CivicData.SideBySide.Reporting;

namespace CivicData.SideBySide.Workloads;

/// <summary>
/// W6: W2 and W3 again on a table ten times larger, loaded alongside the first, to show how time grows with rows on
/// CivicData and on each raw engine.
/// </summary>
internal static class W6Scaling
{
    public const int Factor = 10;

    private const string LargeDatasetId = "bnch-0010", LargeTable = "service_requests_10x";

    public static async Task RunAsync(BenchContext context)
    {
        long small = context.Options.Rows;
        long large = small * Factor;
        await context.EnsureLoadedAsync();
        QueryTimes smallAggregate = context.QueryTimes.GetValueOrDefault("W2")
            ?? await W2W3Queries.Aggregate.MeasureAsync(context, BenchContext.DatasetId, BenchContext.RawTable);
        QueryTimes smallPage = context.QueryTimes.GetValueOrDefault("W3")
            ?? await W2W3Queries.FilterSortPage.MeasureAsync(context, BenchContext.DatasetId, BenchContext.RawTable);

        // The data directory belongs to one process at a time: the server stops while the CLI imports.
        await context.StopServerAsync();
        string csv = context.Generate(large);
        BenchContext.Log($"W6: loading {large:N0} rows (once per system)");
        ReportTable loads = context.Report.Table(
            $"W6 loads at {large:N0} rows",
            "One load of the larger file per system (W1's method, not repeated), for scale.",
            "system", "time", "rows/s");
        double civic = await TimeOnceAsync(() => context.CivicData.ImportAsync(context.DataDirectory, csv, LargeDatasetId, "Service requests ×10 (benchmark)", replace: false));
        loads.Add("CivicData import", Summary.Milliseconds(civic), Rate(large, civic));
        double duck = await TimeOnceAsync(() =>
        {
            context.DuckDb.LoadCsv(LargeTable, csv);
            return Task.CompletedTask;
        });
        loads.Add("DuckDB read_csv", Summary.Milliseconds(duck), Rate(large, duck));
        if (context.Postgres is { } postgres)
        {
            double pg = await TimeOnceAsync(() => postgres.LoadCsvAsync(LargeTable, csv));
            loads.Add("PostgreSQL COPY", Summary.Milliseconds(pg), Rate(large, pg));
        }

        File.Delete(csv);
        BenchContext.Log($"W6: W2 and W3 at {large:N0} rows");
        QueryTimes largeAggregate = await W2W3Queries.Aggregate.MeasureAsync(context, LargeDatasetId, LargeTable);
        QueryTimes largePage = await W2W3Queries.FilterSortPage.MeasureAsync(context, LargeDatasetId, LargeTable);

        ReportTable table = context.Report.Table(
            "W6 scaling",
            $"W2 and W3 at {small:N0} and {large:N0} rows (medians; same method as W2/W3). Growth is the 10× median over the 1× median: 10.0 would be linear in rows.",
            "query", "system", $"{small:N0} rows", $"{large:N0} rows", "growth");
        AddGrowth(table, "W2 aggregate", smallAggregate, largeAggregate);
        AddGrowth(table, "W3 filter, sort, page", smallPage, largePage);
        context.Report.Chart.Add(new ChartPoint($"W2 at {Factor}×", "CivicData", largeAggregate.CivicData.Median));
        context.Report.Chart.Add(new ChartPoint($"W2 at {Factor}×", "DuckDB", largeAggregate.DuckDb.Median));
        if (largeAggregate.Postgres is { } pgAggregate)
        {
            context.Report.Chart.Add(new ChartPoint($"W2 at {Factor}×", "PostgreSQL", pgAggregate.Median));
        }

        context.Report.Targets.Add(QueryComparison.Target($"W2 at {Factor}×", largeAggregate));
        context.Report.Targets.Add(QueryComparison.Target($"W3 at {Factor}×", largePage));
    }

    private static void AddGrowth(ReportTable table, string query, QueryTimes small, QueryTimes large)
    {
        table.Add(query, "CivicData (HTTP)", Summary.Milliseconds(small.CivicData.Median), Summary.Milliseconds(large.CivicData.Median), Growth(small.CivicData, large.CivicData));
        table.Add(query, "DuckDB", Summary.Milliseconds(small.DuckDb.Median), Summary.Milliseconds(large.DuckDb.Median), Growth(small.DuckDb, large.DuckDb));
        if (small.Postgres is { } smallPg && large.Postgres is { } largePg)
        {
            table.Add(query, "PostgreSQL", Summary.Milliseconds(smallPg.Median), Summary.Milliseconds(largePg.Median), Growth(smallPg, largePg));
        }
    }

    private static string Growth(Summary small, Summary large) =>
        (large.Median / small.Median).ToString("N1", CultureInfo.InvariantCulture) + "×";

    private static string Rate(long rows, double milliseconds) => (rows / (milliseconds / 1000)).ToString("N0", CultureInfo.InvariantCulture);

    private static async Task<double> TimeOnceAsync(Func<Task> work)
    {
        long start = Stopwatch.GetTimestamp();
        await work();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
