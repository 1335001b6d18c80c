namespace CivicData.SideBySide.Workloads;

/// <summary>The two query shapes of W2 and W3, shared with W4 and W6.</summary>
internal static class W2W3Queries
{
    public static readonly DateTime From = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static readonly DateTime To = new(2024, 6, 30, 23, 59, 59, DateTimeKind.Unspecified);

    /// <summary>W2: counts by request type and status over half a year (SoQL's default order for a grouping is the groups).</summary>
    public static readonly QueryComparison Aggregate = new(
        "$select=request_type,status,count(*)&$where=opened between '2024-01-01T00:00:00' and '2024-06-30T23:59:59'&$group=request_type,status",
        "SELECT request_type, status, count(*) FROM {table} WHERE opened BETWEEN ? AND ? GROUP BY request_type, status ORDER BY request_type, status LIMIT 1000",
        [From, To]);

    /// <summary>W3: a filtered, sorted first page of whole rows.</summary>
    public static readonly QueryComparison FilterSortPage = new(
        "$where=district = 5 and status = 'Open'&$order=opened desc&$limit=1000",
        "SELECT * FROM {table} WHERE district = ? AND status = ? ORDER BY opened DESC LIMIT 1000",
        [5, "Open"]);
}
