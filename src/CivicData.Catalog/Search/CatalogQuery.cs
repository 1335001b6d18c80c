using CivicData.Core.Datasets;

namespace CivicData.Catalog.Search;

/// <summary>A catalog search: words, facet filters and a page.</summary>
public sealed record CatalogQuery
{
    /// <summary>Words to find in title, description, tags, category, department and column names; every word must match.</summary>
    public string? Text { get; init; }

    public string? Category { get; init; }

    public string? Department { get; init; }

    public string? Tag { get; init; }

    /// <summary>Only these datasets (Socrata's <c>ids=</c>); null for no such filter.</summary>
    public IReadOnlyList<DatasetId>? Ids { get; init; }

    /// <summary>Datasets in any of these categories (any case); null for no such filter.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Datasets carrying any of these tags (exact, any case); null for no such filter.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    public CatalogSort Sort { get; init; } = CatalogSort.Relevance;

    public bool Descending { get; init; }

    /// <summary>0-based offset.</summary>
    public int Offset { get; init; }

    public int Limit { get; init; } = 20;

    /// <summary>False for anonymous callers: private datasets and datasets without a current version are left out.</summary>
    public bool IncludePrivate { get; init; }

    /// <summary>Without <see cref="IncludePrivate"/>: also the published private datasets of these departments.</summary>
    public IReadOnlyList<string> PrivateDepartments { get; init; } = [];

    /// <summary>With <see cref="IncludePrivate"/>: still leave out datasets without a current version (drafts).</summary>
    public bool PublishedOnly { get; init; }

    /// <summary>Further conditions, all of which must hold.</summary>
    public IReadOnlyList<CatalogFilter> Filters { get; init; } = [];

    /// <summary>When metadata or data last changed (the later of the two).</summary>
    public CatalogRange? Modified { get; init; }

    public CatalogRange? Created { get; init; }

    /// <summary>True when any member beyond the original words, facets and page is set.</summary>
    internal bool HasExtensions =>
        PrivateDepartments.Count > 0 || PublishedOnly || Filters.Count > 0 || Modified is not null || Created is not null;
}
