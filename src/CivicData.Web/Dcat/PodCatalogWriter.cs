using System.Collections.Immutable;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CivicData.Web.Dcat;

/// <summary>
/// Writes <c>/data.json</c>: a Project Open Data 1.1 catalog (dcat-us.md §1–4) that validates against the POD schema
/// and data.gov's non-federal variant. Keys come in a fixed order and values depend only on the catalog, so the bytes
/// stay the same while nothing changes (data.gov's harvester hashes each dataset).
/// </summary>
internal static class PodCatalogWriter
{
    public const string ContentType = "application/json; charset=utf-8";

    private const string Schema = "https://project-open-data.cio.gov/v1.1/schema";

    /// <summary>Datasets between flushes, so a large catalog streams instead of piling up in the pipe.</summary>
    private const int FlushEvery = 100;

    /// <summary>data.json is never embedded in HTML, so only what JSON itself requires is escaped.</summary>
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(PipeWriter output, IReadOnlyList<ExportedMetadata> datasets, CatalogLinks links, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(output, s_options);
        writer.WriteStartObject();
        writer.WriteString("@context", Schema + "/catalog.jsonld");
        writer.WriteString("@id", links.DataJson);
        writer.WriteString("@type", "dcat:Catalog");
        writer.WriteString("conformsTo", Schema);
        writer.WriteString("describedBy", Schema + "/catalog.json");
        writer.WriteStartArray("dataset");
        for (int i = 0; i < datasets.Count; i++)
        {
            WriteDataset(writer, datasets[i]);
            if ((i + 1) % FlushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>POD's <c>modified</c>: an ISO 8601 instant in UTC with <c>Z</c>, to the second.</summary>
    public static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteDataset(Utf8JsonWriter writer, ExportedMetadata dataset)
    {
        writer.WriteStartObject();
        writer.WriteString("@type", "dcat:Dataset");
        writer.WriteString("title", dataset.Title);
        writer.WriteString("description", dataset.Description);
        WriteArray(writer, "keyword", dataset.Keywords);
        writer.WriteString("modified", Instant(dataset.Entry.Modified));

        writer.WriteStartObject("publisher");
        writer.WriteString("@type", "org:Organization");
        writer.WriteString("name", dataset.Publisher);
        if (dataset.PublisherParent is { } parent)
        {
            writer.WriteStartObject("subOrganizationOf");
            writer.WriteString("@type", "org:Organization");
            writer.WriteString("name", parent);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();

        writer.WriteStartObject("contactPoint");
        writer.WriteString("@type", "vcard:Contact");
        writer.WriteString("fn", dataset.ContactName);
        WriteOptional(writer, "hasEmail", dataset.ContactEmail is { } email ? "mailto:" + email : null);
        writer.WriteEndObject();

        writer.WriteString("identifier", dataset.Identifier);
        writer.WriteString("accessLevel", dataset.Metadata.AccessLevel);
        WriteArray(writer, "bureauCode", dataset.BureauCodes);
        WriteArray(writer, "programCode", dataset.ProgramCodes);
        WriteOptional(writer, "license", dataset.License);
        WriteOptional(writer, "rights", dataset.Rights);
        WriteOptional(writer, "spatial", dataset.Spatial);
        WriteOptional(writer, "temporal", dataset.Temporal);

        writer.WriteStartArray("distribution");
        foreach (CatalogDistribution distribution in dataset.Distributions)
        {
            writer.WriteStartObject();
            writer.WriteString("@type", "dcat:Distribution");
            writer.WriteString("title", distribution.Title);
            writer.WriteString("description", distribution.Description);
            WriteOptional(writer, "downloadURL", distribution.DownloadUrl);
            WriteOptional(writer, "accessURL", distribution.AccessUrl);
            writer.WriteString("mediaType", distribution.MediaType);
            writer.WriteString("format", distribution.Format);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        WriteOptional(writer, "accrualPeriodicity", dataset.AccrualPeriodicity);
        WriteOptional(writer, "conformsTo", dataset.ConformsTo);
        if (dataset.Metadata.DataQuality is bool quality)
        {
            writer.WriteBoolean("dataQuality", quality);
        }

        writer.WriteString("describedBy", dataset.DescribedBy);
        WriteOptional(writer, "describedByType", dataset.DescribedByType);
        WriteOptional(writer, "isPartOf", dataset.IsPartOf);
        writer.WriteString("issued", dataset.Entry.Issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("landingPage", dataset.LandingPage);
        WriteArray(writer, "language", dataset.Languages);
        WriteOptional(writer, "primaryITInvestmentUII", dataset.PrimaryItInvestmentUii);
        WriteArray(writer, "references", dataset.References);
        WriteOptional(writer, "systemOfRecords", dataset.SystemOfRecords);
        WriteArray(writer, "theme", dataset.Themes);
        writer.WriteEndObject();
    }

    /// <summary>Optional values are left out rather than written empty: POD's minLength and minItems reject "" and [].</summary>
    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, ImmutableArray<string> values)
    {
        if (values.IsDefaultOrEmpty)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
