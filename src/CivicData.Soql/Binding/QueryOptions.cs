namespace CivicData.Soql.Binding;

/// <summary>The non-SoQL inputs of binding: simple filters, $q, $limit/$offset values and the limit policy.</summary>
public sealed record QueryOptions
{
    public IReadOnlyList<KeyValuePair<string, string>> SimpleFilters { get; init; } = [];

    public ClauseValue? Search { get; init; }

    public ClauseValue? Limit { get; init; }

    public ClauseValue? Offset { get; init; }

    public bool IncludeSystemFields { get; init; }

    public long? DefaultLimit { get; init; }

    public long? MaxLimit { get; init; }
}
