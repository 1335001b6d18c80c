using System.Text.Json.Serialization;

namespace CivicData.Web.Views;

/// <summary>The Socrata view object of soda.md §2.3 (what sodapy get_metadata and soda-dotnet GetMetadata read).</summary>
/// <remarks>Keys soda.md lists are always written (null when unset); <c>rowIdentifierColumnId</c> only when set.</remarks>
public sealed record ViewDto
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string AssetType { get; init; } = "dataset";

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Attribution { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? AttributionLink { get; init; }

    public int AverageRating { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Category { get; init; }

    public required long CreatedAt { get; init; }

    public string Description { get; init; } = "";

    public string DisplayType { get; init; } = "table";

    public int DownloadCount { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? LicenseId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public ViewLicenseDto? License { get; init; }

    public bool NewBackend { get; init; } = true;

    public int NumberOfComments { get; init; }

    /// <summary>Socrata's object id; ours is the current version number, which changes when the data does.</summary>
    public required int Oid { get; init; }

    public string Provenance { get; init; } = "official";

    public bool PublicationAppendEnabled { get; init; }

    public required long PublicationDate { get; init; }

    public int PublicationGroup { get; init; } = 1;

    public string PublicationStage { get; init; } = "published";

    public required long RowsUpdatedAt { get; init; }

    /// <summary>The owner's id (see <see cref="DatasetOwner"/>): CivicData does not record who loaded each version.</summary>
    public required string RowsUpdatedBy { get; init; }

    public required int TableId { get; init; }

    public int TotalTimesRated { get; init; }

    public int ViewCount { get; init; }

    public required long ViewLastModified { get; init; }

    public string ViewType { get; init; } = "tabular";

    public long? RowIdentifierColumnId { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    public required ViewMetadataDto Metadata { get; init; }

    public required ViewUserDto Owner { get; init; }

    public required ViewUserDto TableAuthor { get; init; }

    public IReadOnlyList<string> Rights { get; init; } = ["read"];

    public IReadOnlyList<string> Flags { get; init; } = ["default", "restorable"];

    public required IReadOnlyList<ViewColumnDto> Columns { get; init; }
}

public sealed record ViewLicenseDto(string Name, string? TermsLink);

/// <summary>A Socrata user as views show one; <c>roleName</c> only on the owner.</summary>
public sealed record ViewUserDto(string Id, string DisplayName, string ScreenName, string? RoleName);

public sealed record ViewMetadataDto
{
    public string RdfSubject { get; init; } = "0";

    public IReadOnlyList<string> AvailableDisplayTypes { get; init; } = ["table", "fatrow", "page"];

    /// <summary>Socrata groups custom fields by section: <c>{"Dataset Information": {"Department": "..."}}</c>.</summary>
    [JsonPropertyName("custom_fields")]
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> CustomFields { get; init; }

    /// <summary>Field name of the row identifier, as sodapy's create sends it.</summary>
    public string? RowIdentifier { get; init; }
}

public sealed record ViewColumnDto
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public required string DataTypeName { get; init; }

    public string Description { get; init; } = "";

    public required string FieldName { get; init; }

    public required int Position { get; init; }

    public required string RenderTypeName { get; init; }

    public required long TableColumnId { get; init; }

    public IReadOnlyDictionary<string, string> Format { get; init; } = new Dictionary<string, string>();
}
