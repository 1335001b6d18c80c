namespace CivicData.Web.Ckan.Wire;

/// <summary>A CKAN resource (ckan.md §3.2): the current rows (a DataStore table) or one of their downloads.</summary>
internal sealed record ResourceDto
{
    public required string Id { get; init; }

    public required string PackageId { get; init; }

    public required string Url { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public required string Format { get; init; }

    public string? Mimetype { get; init; }

    public string? MimetypeInner { get; init; }

    public long? Size { get; init; }

    public string Hash { get; init; } = "";

    public required string Created { get; init; }

    public string? LastModified { get; init; }

    public required string MetadataModified { get; init; }

    public required int Position { get; init; }

    public string State { get; init; } = "active";

    public string? UrlType { get; init; }

    public string? ResourceType { get; init; }

    public string? CacheUrl { get; init; }

    public string? CacheLastUpdated { get; init; }

    public required bool DatastoreActive { get; init; }
}
