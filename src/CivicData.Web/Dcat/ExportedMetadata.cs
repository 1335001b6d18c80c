using System.Collections.Frozen;
using System.Collections.Immutable;
using CivicData.Catalog.Datasets;

namespace CivicData.Web.Dcat;

/// <summary>
/// A dataset's metadata as every export prints it: fallbacks applied (publisher, contact, keywords, themes) and
/// invalid optional values left out, so one bad field never breaks a whole catalog (dcat-us.md §8).
/// </summary>
public sealed class ExportedMetadata
{
    private readonly FrozenSet<string> _invalid;

    public ExportedMetadata(CatalogEntry entry, CatalogLinks links, DcatOptions options)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(options);
        Entry = entry;
        DatasetMetadata metadata = entry.Metadata;
        _invalid = DatasetMetadataValidator.Check(metadata)
            .Select(error => error.Field.Split('[')[0])
            .ToFrozenSet(StringComparer.Ordinal);

        Identifier = links.Dataset(entry.Id);
        Title = metadata.Title.Trim();
        Description = string.IsNullOrWhiteSpace(metadata.Description) ? Title : metadata.Description;
        Publisher = Text(metadata.PublisherName) ?? Text(metadata.PublisherParent) ?? Text(options.OrganizationName) ?? options.CatalogTitle;
        string? parent = Text(metadata.PublisherParent) ?? Text(options.OrganizationName);
        PublisherParent = parent is not null && !string.Equals(parent, Publisher, StringComparison.OrdinalIgnoreCase) ? parent : null;
        ContactName = Text(metadata.ContactName) ?? Publisher;
        ContactEmail = Valid("contactEmail", metadata.ContactEmail) ?? Text(options.ContactEmail);
        Themes = Distinct([metadata.Category, .. Valid("themes", metadata.Themes)]);
        ImmutableArray<string> tags = Distinct([.. Valid("tags", metadata.Tags)]);
        Keywords = tags.IsEmpty ? Themes.Take(1).ToImmutableArray() : tags;
        LandingPage = Valid("landingPage", metadata.LandingPage) ?? Identifier;
        License = Valid("licenseUrl", metadata.LicenseUrl);
        // The publisher's own data dictionary, else the portal's column list (a Socrata view, JSON).
        string? dictionary = Valid("describedBy", metadata.DescribedBy);
        DescribedBy = dictionary ?? links.View(entry.Id);
        DescribedByType = dictionary is null ? "application/json" : Valid("describedByType", metadata.DescribedByType);
        Distributions = CatalogDistribution.For(entry, links);
    }

    public CatalogEntry Entry { get; }

    public DatasetMetadata Metadata => Entry.Metadata;

    /// <summary>The dataset page URL: unique in the catalog and stable forever.</summary>
    public string Identifier { get; }

    public string Title { get; }

    /// <summary>The description, or the title when there is none (POD needs one of at least one character).</summary>
    public string Description { get; }

    public string Publisher { get; }

    public string? PublisherParent { get; }

    public string ContactName { get; }

    public string? ContactEmail { get; }

    /// <summary>The category, then the further themes, without repeats.</summary>
    public ImmutableArray<string> Themes { get; }

    /// <summary>The tags, or the category when there are none.</summary>
    public ImmutableArray<string> Keywords { get; }

    public string LandingPage { get; }

    public string? License { get; }

    public string DescribedBy { get; }

    public string? DescribedByType { get; }

    public IReadOnlyList<CatalogDistribution> Distributions { get; }

    public string? Temporal => Valid("temporal", Metadata.Temporal);

    public string? Spatial => Valid("spatial", Metadata.Spatial);

    public string? AccrualPeriodicity => Valid("accrualPeriodicity", Metadata.AccrualPeriodicity);

    public string? Rights => Valid("rights", Metadata.Rights);

    public string? ConformsTo => Valid("conformsTo", Metadata.ConformsTo);

    public string? SystemOfRecords => Valid("systemOfRecords", Metadata.SystemOfRecords);

    public string? IsPartOf => Text(Metadata.IsPartOf);

    public string? PrimaryItInvestmentUii => Valid("primaryItInvestmentUii", Metadata.PrimaryItInvestmentUii);

    public ImmutableArray<string> Languages => Distinct([.. Valid("languages", Metadata.Languages)]);

    public ImmutableArray<string> References => Distinct([.. Valid("references", Metadata.References)]);

    public ImmutableArray<string> BureauCodes => Distinct([.. Valid("bureauCodes", Metadata.BureauCodes)]);

    public ImmutableArray<string> ProgramCodes => Distinct([.. Valid("programCodes", Metadata.ProgramCodes)]);

    /// <summary>The names of the fields left out because their values are invalid, for publishers to fix.</summary>
    public IReadOnlySet<string> InvalidFields => _invalid;

    private string? Valid(string field, string? value) => _invalid.Contains(field) ? null : Text(value);

    private ImmutableArray<string> Valid(string field, ImmutableArray<string> values) =>
        _invalid.Contains(field) || values.IsDefault ? [] : values;

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ImmutableArray<string> Distinct(IEnumerable<string?> values) =>
        [.. values.Select(Text).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];
}
