using CivicData.Core.Datasets;

namespace CivicData.Catalog.Datasets;

/// <summary>A dataset as the catalog holds it, with the pointer to its current version.</summary>
/// <param name="CurrentVersion">Number of the published version; null until the first load completes.</param>
/// <param name="RowIdentifier">Field name of the user row-identifier column, if one is set.</param>
public sealed record DatasetRecord(
    DatasetId Id,
    DatasetMetadata Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset MetadataUpdatedAt,
    DateTimeOffset? DataUpdatedAt,
    int? CurrentVersion,
    string? RowIdentifier);
