using System.Collections.Immutable;
using System.Text.Json;
using CivicData.Catalog;
using CivicData.Core;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;
using CivicData.Ingest.Publishing;

namespace CivicData.Ingest.Demo;

/// <summary>Loads the demo datasets described by samples/demo.json into an empty portal.</summary>
public static class DemoCatalog
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Publishes every demo dataset when the catalog has none; returns how many it published.</summary>
    public static async Task<int> ImportIfEmptyAsync(DatasetPublisher publisher, ICatalogStore catalog, string samplesDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(catalog);
        if (await catalog.CountDatasetsAsync(cancellationToken) > 0)
        {
            return 0;
        }

        string manifestPath = Path.Combine(samplesDirectory, "demo.json");
        if (!File.Exists(manifestPath))
        {
            throw new ValidationError("demo.missing", $"No demo manifest at {manifestPath}.");
        }

        DemoManifest manifest;
        await using (FileStream stream = File.OpenRead(manifestPath))
        {
            manifest = await JsonSerializer.DeserializeAsync<DemoManifest>(stream, s_json, cancellationToken)
                ?? throw new ValidationError("demo.invalid", "The demo manifest is empty.");
        }

        foreach (DemoDataset entry in manifest.Datasets)
        {
            await publisher.PublishAsync(ToRequest(entry, samplesDirectory), progress: null, cancellationToken);
        }

        return manifest.Datasets.Length;
    }

    /// <summary>The samples folder: <c>samples/</c> next to the solution, found by walking up from a start directory.</summary>
    public static string? FindSamplesDirectory(string startDirectory)
    {
        for (DirectoryInfo? directory = new(startDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "samples", "demo.json");
            if (File.Exists(candidate))
            {
                return Path.GetDirectoryName(candidate);
            }
        }

        return null;
    }

    private static PublishRequest ToRequest(DemoDataset entry, string samplesDirectory) => new()
    {
        Path = Path.Combine(samplesDirectory, entry.File),
        Id = DatasetId.Parse(entry.Id),
        Mode = PublishMode.Create,
        Title = entry.Title,
        Description = entry.Description,
        Category = entry.Category,
        Department = entry.Department,
        Tags = [.. entry.Tags],
        License = entry.License,
        LicenseUrl = entry.LicenseUrl,
        Attribution = entry.Attribution,
        AttributionLink = entry.AttributionLink,
        ContactEmail = entry.ContactEmail,
        Publisher = entry.Publisher,
        PublisherParent = entry.PublisherParent,
        ContactName = entry.ContactName,
        Temporal = entry.Temporal,
        Spatial = entry.Spatial,
        AccrualPeriodicity = entry.AccrualPeriodicity,
        LandingPage = entry.LandingPage,
        Languages = entry.Languages is null ? null : [.. entry.Languages],
        Rights = entry.Rights,
        Themes = entry.Themes is null ? null : [.. entry.Themes],
        Issued = entry.Issued,
        ConformsTo = entry.ConformsTo,
        References = entry.References is null ? null : [.. entry.References],
        DataQuality = entry.DataQuality,
        RowIdentifier = entry.RowIdentifier,
        TypeOverrides = (entry.Types ?? []).ToImmutableDictionary(
            pair => pair.Key,
            pair => SodaTypeNames.TryParse(pair.Value, out SodaType type) ? type : throw new ValidationError("demo.invalid", $"Unknown type '{pair.Value}' in demo.json.")),
    };

    private sealed record DemoManifest(DemoDataset[] Datasets);

    private sealed record DemoDataset(
        string Id,
        string File,
        string Title,
        string Description,
        string? Category,
        string? Department,
        string[] Tags,
        string? License,
        string? LicenseUrl,
        string? Attribution,
        string? AttributionLink,
        string? RowIdentifier,
        Dictionary<string, string>? Types,
        string? ContactEmail = null,
        string? Publisher = null,
        string? PublisherParent = null,
        string? ContactName = null,
        string? Temporal = null,
        string? Spatial = null,
        string? AccrualPeriodicity = null,
        string? LandingPage = null,
        string[]? Languages = null,
        string? Rights = null,
        string[]? Themes = null,
        DateOnly? Issued = null,
        string? ConformsTo = null,
        string[]? References = null,
        bool? DataQuality = null);
}
