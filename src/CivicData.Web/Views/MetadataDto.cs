namespace CivicData.Web.Views;

/// <summary>
/// One asset in Socrata's metadata API v1 (soda.md §2.4): flat, times as ISO 8601 UTC text, every key present
/// (null when unset).
/// </summary>
public sealed record MetadataDto
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public required string? Category { get; init; }

    /// <summary>Null, not an empty array, when the dataset has no tags (as Socrata answers).</summary>
    public required IReadOnlyList<string>? Tags { get; init; }

    public required string? License { get; init; }

    public required string? Attribution { get; init; }

    public required string? AttributionLink { get; init; }

    public required string? ContactEmail { get; init; }

    public required string Domain { get; init; }

    /// <summary>The SODA endpoint, <c>{scheme}://{host}/resource/{id}</c>.</summary>
    public required string DataUri { get; init; }

    /// <summary>The portal page, <c>{scheme}://{host}/d/{id}</c>.</summary>
    public required string WebUri { get; init; }

    public required string CreatedAt { get; init; }

    /// <summary>The later of <see cref="DataUpdatedAt"/> and <see cref="MetadataUpdatedAt"/>.</summary>
    public required string UpdatedAt { get; init; }

    public required string DataUpdatedAt { get; init; }

    public required string MetadataUpdatedAt { get; init; }

    public string Provenance { get; init; } = "OFFICIAL";

    public bool HideFromCatalog { get; init; }

    public bool HideFromDataJson { get; init; }

    /// <summary>Grouped by section, as in views: <c>{"Dataset Information": {"Department": "..."}}</c>.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> CustomFields { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> PrivateCustomFields { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();
}
