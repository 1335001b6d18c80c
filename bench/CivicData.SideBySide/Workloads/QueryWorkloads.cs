using CivicData.SideBySide.Reporting;

namespace CivicData.SideBySide.Workloads;

/// <summary>W2 aggregate and W3 filter-sort-page: one SODA request each, side by side with the raw engines.</summary>
internal static class QueryWorkloads
{
    public static async Task RunAggregateAsync(BenchContext context)
    {
        BenchContext.Log("W2: aggregate");
        QueryTimes times = await W2W3Queries.Aggregate.MeasureAsync(context, BenchContext.DatasetId, BenchContext.RawTable);
        context.QueryTimes["W2"] = times;
        ReportTable table = context.Report.Table(
            "W2 aggregate",
            $"`GET /resource/{{id}}.json?{W2W3Queries.Aggregate.Soda}` over {context.Options.Rows:N0} rows, against `{W2W3Queries.Aggregate.Sql.Replace("{table}", "t", StringComparison.Ordinal)}` on each engine. CivicData's time is the whole HTTP exchange on loopback (keep-alive client, body read to the end); the engines' time is the query with every value read.",
            "system", "median", "p95", "× DuckDB", "rows");
        QueryComparison.AddRows(table, "W2", times);
        QueryComparison.AddChart(context.Report, "W2 aggregate", times);
        context.Report.Targets.Add(QueryComparison.Target("W2", times));
    }

    public static async Task RunFilterSortPageAsync(BenchContext context)
    {
        BenchContext.Log("W3: filter, sort, page");
        QueryTimes times = await W2W3Queries.FilterSortPage.MeasureAsync(context, BenchContext.DatasetId, BenchContext.RawTable);
        context.QueryTimes["W3"] = times;
        ReportTable table = context.Report.Table(
            "W3 filter, sort, page",
            $"`GET /resource/{{id}}.json?{W2W3Queries.FilterSortPage.Soda}` over {context.Options.Rows:N0} rows, against `{W2W3Queries.FilterSortPage.Sql.Replace("{table}", "t", StringComparison.Ordinal)}`. Same timing rules as W2.",
            "system", "median", "p95", "× DuckDB", "rows");
        QueryComparison.AddRows(table, "W3", times);
        QueryComparison.AddChart(context.Report, "W3 filter+page", times);
        context.Report.Targets.Add(QueryComparison.Target("W3", times));
    }
}
