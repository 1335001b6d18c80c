namespace CivicData.Web.Ckan.Wire;

/// <summary>A CKAN dataset dict (ckan.md §3.1): <c>package_show</c>'s result and each <c>package_search</c> result.</summary>
internal sealed record PackageDto
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Title { get; init; }

    public required string Notes { get; init; }

    public required string Url { get; init; }

    public string? Version { get; init; }

    public string? Author { get; init; }

    public string? AuthorEmail { get; init; }

    public string? Maintainer { get; init; }

    public string? MaintainerEmail { get; init; }

    public required string LicenseId { get; init; }

    public required string LicenseTitle { get; init; }

    public string? LicenseUrl { get; init; }

    public required bool Isopen { get; init; }

    public required string MetadataCreated { get; init; }

    public required string MetadataModified { get; init; }

    public string? CreatorUserId { get; init; }

    public required string State { get; init; }

    public required bool Private { get; init; }

    public string Type { get; init; } = "dataset";

    public string? OwnerOrg { get; init; }

    public PackageOrganizationDto? Organization { get; init; }

    public required IReadOnlyList<PackageGroupDto> Groups { get; init; }

    public required IReadOnlyList<TagDto> Tags { get; init; }

    public required IReadOnlyList<ExtraDto> Extras { get; init; }

    public required IReadOnlyList<ResourceDto> Resources { get; init; }

    public int NumResources => Resources.Count;

    public int NumTags => Tags.Count;

    public IReadOnlyList<object> RelationshipsAsObject { get; init; } = [];

    public IReadOnlyList<object> RelationshipsAsSubject { get; init; } = [];
}

/// <summary>The organization object embedded in a dataset dict.</summary>
internal sealed record PackageOrganizationDto(
    string Id,
    string Name,
    string Title,
    string Description,
    string ImageUrl,
    string? Created)
{
    public string Type { get; init; } = "organization";

    public bool IsOrganization { get; init; } = true;

    public string ApprovalStatus { get; init; } = "approved";

    public string State { get; init; } = "active";
}

/// <summary>A group as listed in a dataset dict.</summary>
internal sealed record PackageGroupDto(string Id, string Name, string Title, string DisplayName, string Description, string ImageDisplayUrl);

/// <summary>A free tag (no vocabulary).</summary>
internal sealed record TagDto(string Id, string Name, string DisplayName)
{
    public string State { get; init; } = "active";

    public string? VocabularyId { get; init; }
}

/// <summary>A custom metadata pair; values are always strings.</summary>
internal sealed record ExtraDto(string Key, string Value);
