namespace CivicData.Catalog.Search;

/// <summary>What a catalog search is ordered by; ties are broken by title, then id, so pages never overlap.</summary>
public enum CatalogSort
{
    /// <summary>Best match first when there are words; by title otherwise. <see cref="CatalogQuery.Descending"/> is ignored.</summary>
    Relevance,

    Title,

    Id,

    /// <summary>Datasets without a category come last in either direction.</summary>
    Category,

    CreatedAt,

    /// <summary>The later of the last data and metadata change.</summary>
    UpdatedAt,
}
