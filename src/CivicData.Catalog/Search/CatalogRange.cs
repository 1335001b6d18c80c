namespace CivicData.Catalog.Search;

/// <summary>A time range; a missing end is open. Bounds finer than the catalog's milliseconds are rounded inwards.</summary>
public sealed record CatalogRange(DateTimeOffset? From, DateTimeOffset? To, bool FromInclusive = true, bool ToInclusive = true);
