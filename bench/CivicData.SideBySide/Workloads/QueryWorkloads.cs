using CivicData.SideBySide.Reporting;

namespace CivicData.SideBySide.Workloads;

/// <summary>W2 aggregate and W3 filter-sort-page: one SODA request each, side by side with the raw engines.</summary>
internal static class QueryWorkloads
{
    public static Task RunAggregateAsync(BenchContext context) =>
        RunAsync(context, "W2", "W2 aggregate", "W2 aggregate", W2W3Queries.Aggregate, " on each engine. CivicData's time is the whole HTTP exchange on loopback (keep-alive client, body read to the end); the engines' time is the query with every value read.");

    public static Task RunFilterSortPageAsync(BenchContext context) =>
        RunAsync(context, "W3", "W3 filter, sort, page", "W3 filter+page", W2W3Queries.FilterSortPage, ". Same timing rules as W2.");

    private static async Task RunAsync(BenchContext context, string workload, string title, string chartLabel, QueryComparison comparison, string timing)
    {
        BenchContext.Log($"{workload}: {title}");
        QueryTimes times = await comparison.MeasureAsync(context, BenchContext.DatasetId, BenchContext.RawTable);
        context.QueryTimes[workload] = times;
        ReportTable table = context.Report.Table(
            title,
            $"`GET /resource/{{id}}.json?{comparison.Soda}` over {context.Options.Rows:N0} rows, against `{comparison.Sql.Replace("{table}", "t", StringComparison.Ordinal)}`{timing}",
            "system", "median", "p95", "× DuckDB", "rows");
        QueryComparison.AddRows(table, workload, times);
        QueryComparison.AddChart(context.Report, chartLabel, times);
        context.Report.Targets.Add(QueryComparison.Target(workload, times));
    }
}
