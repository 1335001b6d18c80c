namespace CivicData.Catalog.Search;

/// <summary>One extra condition of a search: the field equals one of <paramref name="Values"/> (without case), or, when
/// <paramref name="Negated"/>, none of them.</summary>
public sealed record CatalogFilter(CatalogField Field, IReadOnlyList<string> Values, bool Negated = false);

/// <summary>The dataset fields a <see cref="CatalogFilter"/> can test.</summary>
public enum CatalogField
{
    Id,
    Category,
    Department,
    Tag,
    License,
}
