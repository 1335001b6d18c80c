using System.Text.Json.Serialization;

namespace CivicData.Web.Catalog;

/// <summary>The answer of <c>GET /api/catalog/v1</c> (soda.md §2.5).</summary>
public sealed record DiscoveryResponseDto(
    [property: JsonPropertyName("results")] IReadOnlyList<DiscoveryResultDto> Results,
    [property: JsonPropertyName("resultSetSize")] int ResultSetSize,
    [property: JsonPropertyName("timings")] DiscoveryTimingsDto Timings,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings);

/// <summary>How long the request took in all, and the catalog search within it (twice, as Socrata reports two phases).</summary>
public sealed record DiscoveryTimingsDto(
    [property: JsonPropertyName("serviceMillis")] long ServiceMillis,
    [property: JsonPropertyName("searchMillis")] IReadOnlyList<long> SearchMillis);

public sealed record DiscoveryResultDto(
    [property: JsonPropertyName("resource")] DiscoveryResourceDto Resource,
    [property: JsonPropertyName("classification")] DiscoveryClassificationDto Classification,
    [property: JsonPropertyName("metadata")] DiscoveryMetadataDto Metadata,
    [property: JsonPropertyName("permalink")] string Permalink,
    [property: JsonPropertyName("link")] string Link,
    [property: JsonPropertyName("owner")] DiscoveryUserDto Owner,
    [property: JsonPropertyName("creator")] DiscoveryUserDto Creator);

public sealed record DiscoveryResourceDto
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("parent_fxf")]
    public IReadOnlyList<string> ParentFxf { get; init; } = [];

    [JsonPropertyName("description")]
    public required string Description { get; init; }

    [JsonPropertyName("attribution")]
    public required string? Attribution { get; init; }

    [JsonPropertyName("attribution_link")]
    public required string? AttributionLink { get; init; }

    [JsonPropertyName("contact_email")]
    public required string? ContactEmail { get; init; }

    [JsonPropertyName("type")]
    public string Type { get; init; } = "dataset";

    [JsonPropertyName("updatedAt")]
    public required string UpdatedAt { get; init; }

    [JsonPropertyName("createdAt")]
    public required string CreatedAt { get; init; }

    [JsonPropertyName("metadata_updated_at")]
    public required string MetadataUpdatedAt { get; init; }

    [JsonPropertyName("data_updated_at")]
    public required string DataUpdatedAt { get; init; }

    [JsonPropertyName("page_views")]
    public DiscoveryPageViewsDto PageViews { get; init; } = new();

    [JsonPropertyName("columns_name")]
    public required IReadOnlyList<string> ColumnsName { get; init; }

    [JsonPropertyName("columns_field_name")]
    public required IReadOnlyList<string> ColumnsFieldName { get; init; }

    [JsonPropertyName("columns_datatype")]
    public required IReadOnlyList<string> ColumnsDatatype { get; init; }

    [JsonPropertyName("columns_description")]
    public required IReadOnlyList<string> ColumnsDescription { get; init; }

    [JsonPropertyName("columns_format")]
    public required IReadOnlyList<IReadOnlyDictionary<string, string>> ColumnsFormat { get; init; }

    [JsonPropertyName("download_count")]
    public int DownloadCount { get; init; }

    [JsonPropertyName("provenance")]
    public string Provenance { get; init; } = "official";

    [JsonPropertyName("lens_view_type")]
    public string LensViewType { get; init; } = "tabular";

    [JsonPropertyName("publication_date")]
    public required string PublicationDate { get; init; }
}

/// <summary>Page views are not counted: every figure is 0.</summary>
public sealed record DiscoveryPageViewsDto
{
    [JsonPropertyName("page_views_last_week")]
    public int LastWeek { get; init; }

    [JsonPropertyName("page_views_last_month")]
    public int LastMonth { get; init; }

    [JsonPropertyName("page_views_total")]
    public int Total { get; init; }

    [JsonPropertyName("page_views_last_week_log")]
    public double LastWeekLog { get; init; }

    [JsonPropertyName("page_views_last_month_log")]
    public double LastMonthLog { get; init; }

    [JsonPropertyName("page_views_total_log")]
    public double TotalLog { get; init; }
}

/// <summary>Socrata-assigned categories and tags (none here) and the publisher's own (the domain ones).</summary>
public sealed record DiscoveryClassificationDto(
    [property: JsonPropertyName("categories")] IReadOnlyList<string> Categories,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("domain_category")] string? DomainCategory,
    [property: JsonPropertyName("domain_tags")] IReadOnlyList<string> DomainTags,
    [property: JsonPropertyName("domain_metadata")] IReadOnlyList<DiscoveryKeyValueDto> DomainMetadata);

public sealed record DiscoveryKeyValueDto(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("value")] string Value);

public sealed record DiscoveryMetadataDto(
    [property: JsonPropertyName("domain")] string Domain,
    [property: JsonPropertyName("license")] string? License,
    [property: JsonPropertyName("is_public")] bool IsPublic,
    [property: JsonPropertyName("is_published")] bool IsPublished,
    [property: JsonPropertyName("is_hidden")] bool IsHidden,
    [property: JsonPropertyName("visible_to_anonymous")] bool VisibleToAnonymous,
    [property: JsonPropertyName("visible_to_site")] bool VisibleToSite);

/// <summary>An owner (with <c>user_type</c>) or creator (without).</summary>
public sealed record DiscoveryUserDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("display_name")] string DisplayName,
    [property: JsonPropertyName("user_type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UserType);
