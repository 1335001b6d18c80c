using System.Collections.Immutable;

namespace CivicData.Catalog.Datasets;

/// <summary>What a publisher says about a dataset (the DCAT-US fields we hold so far).</summary>
public sealed record DatasetMetadata
{
    public required string Title { get; init; }

    public string Description { get; init; } = "";

    public string? Category { get; init; }

    public string? Department { get; init; }

    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>Licence name, e.g. "Public Domain" or "ODC Public Domain Dedication and License (PDDL)".</summary>
    public string? License { get; init; }

    /// <summary>Licence URL, e.g. https://opendatacommons.org/licenses/pddl/.</summary>
    public string? LicenseUrl { get; init; }

    /// <summary>Who produced the data (Socrata's attribution).</summary>
    public string? Attribution { get; init; }

    public string? AttributionLink { get; init; }

    public string? ContactEmail { get; init; }

    public Visibility Visibility { get; init; } = Visibility.Public;
}
