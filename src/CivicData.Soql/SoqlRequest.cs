namespace CivicData.Soql;

/// <summary>
/// The SoQL parts of a SODA request, as sent: each clause parameter, or a whole <see cref="Query"/>,
/// and the simple <c>?field=value</c> filters.
/// </summary>
public sealed record SoqlRequest
{
    public string? Select { get; init; }

    public string? Where { get; init; }

    public string? Order { get; init; }

    public string? Group { get; init; }

    public string? Having { get; init; }

    public string? Limit { get; init; }

    public string? Offset { get; init; }

    public string? Search { get; init; }

    /// <summary>A complete SoQL statement (<c>$query</c>); may not be combined with the clause parameters.</summary>
    public string? Query { get; init; }

    /// <summary><c>?field=value</c> filters, AND-ed with <c>$where</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SimpleFilters { get; init; } = [];

    /// <summary>Include <c>:id</c>, <c>:created_at</c>, <c>:updated_at</c> in <c>SELECT *</c> (<c>$$exclude_system_fields=false</c>).</summary>
    public bool IncludeSystemFields { get; init; }

    /// <summary>Rows returned when <c>$limit</c> is absent; null means no limit (exports).</summary>
    public long? DefaultLimit { get; init; } = 1000;

    /// <summary>Largest accepted <c>$limit</c>; null means no cap.</summary>
    public long? MaxLimit { get; init; } = 50_000;
}
