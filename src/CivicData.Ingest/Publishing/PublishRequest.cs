using System.Collections.Immutable;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;

namespace CivicData.Ingest.Publishing;

/// <summary>A file to publish and what to say about it. Metadata left null keeps the dataset's current value.</summary>
public sealed record PublishRequest
{
    public required string Path { get; init; }

    /// <summary>The dataset to load into; null creates a new dataset with a fresh id.</summary>
    public DatasetId? Id { get; init; }

    public PublishMode Mode { get; init; } = PublishMode.Create;

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Category { get; init; }

    public string? Department { get; init; }

    public ImmutableArray<string>? Tags { get; init; }

    public string? License { get; init; }

    public string? LicenseUrl { get; init; }

    public string? Attribution { get; init; }

    public string? AttributionLink { get; init; }

    public string? ContactEmail { get; init; }

    public bool? Private { get; init; }

    /// <summary>The DCAT-US / DCAT-AP fields (see <see cref="Catalog.Datasets.DatasetMetadata"/>); null keeps the current value.</summary>
    public string? Publisher { get; init; }

    public string? PublisherParent { get; init; }

    public string? ContactName { get; init; }

    public string? Temporal { get; init; }

    public string? Spatial { get; init; }

    public string? AccrualPeriodicity { get; init; }

    public string? LandingPage { get; init; }

    public ImmutableArray<string>? Languages { get; init; }

    public string? Rights { get; init; }

    public ImmutableArray<string>? BureauCodes { get; init; }

    public ImmutableArray<string>? ProgramCodes { get; init; }

    public ImmutableArray<string>? Themes { get; init; }

    public DateOnly? Issued { get; init; }

    public string? ConformsTo { get; init; }

    public string? DescribedBy { get; init; }

    public string? DescribedByType { get; init; }

    public ImmutableArray<string>? References { get; init; }

    public bool? DataQuality { get; init; }

    public string? SystemOfRecords { get; init; }

    public string? IsPartOf { get; init; }

    public string? PrimaryItInvestmentUii { get; init; }

    /// <summary>Field name (or source column name) of the column whose values identify rows; required for upserts.</summary>
    public string? RowIdentifier { get; init; }

    /// <summary>Types chosen by the publisher, keyed by field name or source column name; they win over inference.</summary>
    public IReadOnlyDictionary<string, SodaType> TypeOverrides { get; init; } = ImmutableDictionary<string, SodaType>.Empty;

    /// <summary>Load the good rows and report the bad ones, instead of failing the whole import.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>csv, tsv, json, ndjson, geojson or xlsx; null picks by extension and content.</summary>
    public string? Format { get; init; }

    /// <summary>Text encoding of a delimited file when it is not UTF-8, e.g. windows-1252.</summary>
    public string? Encoding { get; init; }

    /// <summary>Worksheet of an XLSX file; null takes the first.</summary>
    public string? Sheet { get; init; }
}
