using CivicData.Catalog.Datasets;

namespace CivicData.Catalog.Search;

/// <summary>One page of matches, the total before paging, and facet counts over all matches.</summary>
public sealed record CatalogSearchResult(
    IReadOnlyList<DatasetRecord> Datasets,
    int Total,
    IReadOnlyList<FacetCount> Categories,
    IReadOnlyList<FacetCount> Departments,
    IReadOnlyList<FacetCount> Tags);

/// <summary>How many matching datasets carry a facet value.</summary>
public sealed record FacetCount(string Value, int Count);
