using System.Text.Json.Serialization;

namespace CivicData.Web.Ckan.Wire;

/// <summary>
/// An organization (a department) or a group (a category), as <c>organization_show</c>, <c>group_show</c> and
/// <c>*_list?all_fields=true</c> return it (ckan.md §3.3).
/// </summary>
internal sealed record OrganizationDto
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Title { get; init; }

    public string DisplayName => Title;

    public string Description { get; init; } = "";

    public string ImageUrl { get; init; } = "";

    public string ImageDisplayUrl { get; init; } = "";

    public string? Created { get; init; }

    public required string Type { get; init; }

    public bool IsOrganization => Type == "organization";

    public string State { get; init; } = "active";

    public string ApprovalStatus { get; init; } = "approved";

    public required int PackageCount { get; init; }

    public int NumFollowers { get; init; }

    public IReadOnlyList<ExtraDto> Extras { get; init; } = [];

    public IReadOnlyList<object> Groups { get; init; } = [];

    public IReadOnlyList<object> Tags { get; init; } = [];

    public IReadOnlyList<object> Users { get; init; } = [];

    /// <summary>Only with <c>include_datasets=true</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PackageDto>? Packages { get; init; }
}
