using System.Collections.Immutable;

namespace CivicData.Catalog.Datasets;

/// <summary>
/// What a publisher says about a dataset: every field that DCAT-US 1.1 (POD), DCAT-US 3.0 and DCAT-AP need and the
/// portal cannot work out by itself. <see cref="DatasetMetadataValidator"/> checks the values; the exports read them.
/// </summary>
/// <remarks>
/// Arrays are never <c>default</c> once read from the store; an empty array and a null string both mean "not given".
/// Fields the portal can compute (modified, identifier, distributions, access level) are not stored here.
/// </remarks>
public sealed record DatasetMetadata
{
    public required string Title { get; init; }

    public string Description { get; init; } = "";

    /// <summary>The main theme (POD <c>theme[0]</c>, a CKAN group, Socrata's category).</summary>
    public string? Category { get; init; }

    /// <summary>The owning organisation inside the portal; it decides who may edit, and names the publisher by default.</summary>
    public string? Department { get; init; }

    /// <summary>Keywords (POD <c>keyword</c>, <c>dcat:keyword</c>).</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>Licence name, e.g. "Public Domain" or "ODC Public Domain Dedication and License (PDDL)".</summary>
    public string? License { get; init; }

    /// <summary>Licence URL, e.g. https://opendatacommons.org/licenses/pddl/.</summary>
    public string? LicenseUrl { get; init; }

    /// <summary>Who produced the data (Socrata's attribution).</summary>
    public string? Attribution { get; init; }

    public string? AttributionLink { get; init; }

    /// <summary>Contact point e-mail address, without <c>mailto:</c>.</summary>
    public string? ContactEmail { get; init; }

    public Visibility Visibility { get; init; } = Visibility.Public;

    /// <summary>Publishing organisation's name (POD <c>publisher.name</c>); null means <see cref="Department"/>.</summary>
    public string? Publisher { get; init; }

    /// <summary>The organisation the publisher belongs to, e.g. "City of Los Angeles" (POD <c>subOrganizationOf</c>).</summary>
    public string? PublisherParent { get; init; }

    /// <summary>Contact point's name, a person or a team (vCard <c>fn</c>).</summary>
    public string? ContactName { get; init; }

    /// <summary>Time the data covers, an ISO 8601 interval: <c>2018-01-01/2018-12-31</c>, <c>start/duration</c> or <c>R/…</c>.</summary>
    public string? Temporal { get; init; }

    /// <summary>Place the data covers: a place name, a <c>W,S,E,N</c> bounding box in decimal degrees, or a gazetteer URI.</summary>
    public string? Spatial { get; init; }

    /// <summary>How often the data is refreshed: <c>irregular</c> or an ISO 8601 repeating duration such as <c>R/P1D</c>.</summary>
    public string? AccrualPeriodicity { get; init; }

    /// <summary>An agency-hosted home page for the dataset; null means the portal's own dataset page.</summary>
    public string? LandingPage { get; init; }

    /// <summary>BCP 47 language tags of the data, e.g. <c>en-US</c>, <c>es</c>.</summary>
    public ImmutableArray<string> Languages { get; init; } = [];

    /// <summary>Access or use notes (1 to 255 characters), required by POD when the access level is not public.</summary>
    public string? Rights { get; init; }

    /// <summary>Federal OMB bureau codes <c>NNN:NN</c>; empty for non-federal publishers.</summary>
    public ImmutableArray<string> BureauCodes { get; init; } = [];

    /// <summary>Federal program inventory codes <c>NNN:NNN</c>; empty for non-federal publishers.</summary>
    public ImmutableArray<string> ProgramCodes { get; init; } = [];

    /// <summary>Themes besides <see cref="Category"/> (POD <c>theme</c> is the category followed by these).</summary>
    public ImmutableArray<string> Themes { get; init; } = [];

    /// <summary>Date of formal first publication; null means the day the dataset was created in the portal.</summary>
    public DateOnly? Issued { get; init; }

    /// <summary>URI of a data standard the dataset follows (e.g. Open311, BLDS).</summary>
    public string? ConformsTo { get; init; }

    /// <summary>URI of a data dictionary; null means the portal's own column list.</summary>
    public string? DescribedBy { get; init; }

    /// <summary>Media type of <see cref="DescribedBy"/>, e.g. <c>application/pdf</c>.</summary>
    public string? DescribedByType { get; init; }

    /// <summary>Related documents (absolute URIs).</summary>
    public ImmutableArray<string> References { get; init; } = [];

    /// <summary>Whether the dataset meets the publisher's information quality guidelines; null if not stated.</summary>
    public bool? DataQuality { get; init; }

    /// <summary>Federal: URL of the Privacy Act System of Records Notice.</summary>
    public string? SystemOfRecords { get; init; }

    /// <summary>Identifier of the collection this dataset is part of (POD <c>isPartOf</c>).</summary>
    public string? IsPartOf { get; init; }

    /// <summary>Federal: primary IT investment UII, <c>NNN-NNNNNNNNN</c>.</summary>
    public string? PrimaryItInvestmentUii { get; init; }

    /// <summary>
    /// POD <c>accessLevel</c>, from <see cref="Visibility"/>: a public dataset's rows are open to all; a private one's
    /// are not available to the public at all ("non-public"). Exports never list private datasets, so the second value
    /// shows only to callers who may see them.
    /// </summary>
    public string AccessLevel => Visibility == Visibility.Public ? AccessLevels.Public : AccessLevels.NonPublic;

    /// <summary>The publisher's name as exported: <see cref="Publisher"/>, else <see cref="Department"/>.</summary>
    public string? PublisherName => string.IsNullOrWhiteSpace(Publisher) ? Department : Publisher;
}
