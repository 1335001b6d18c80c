using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CivicData.Catalog.Datasets;

namespace CivicData.Web.Dcat;

/// <summary>
/// A schema.org <c>Dataset</c> as JSON-LD for the dataset page, so search engines (Google Dataset Search) index it.
/// </summary>
/// <remarks>
/// The text goes inside an HTML <c>script</c> element, where nothing is escaped. The writer's default encoder
/// escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quotes and everything outside ASCII as <c>\uXXXX</c>, so no
/// metadata can close the element or open a comment; JSON parsers read the escapes back to the same text.
/// </remarks>
internal static class SchemaOrgWriter
{
    public static string Write(ExportedMetadata dataset, CatalogLinks links, DcatOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("@context", "https://schema.org/");
            writer.WriteString("@type", "Dataset");
            writer.WriteString("@id", dataset.Identifier);
            writer.WriteString("name", dataset.Title);
            writer.WriteString("description", dataset.Description);
            writer.WriteString("url", dataset.Identifier);
            writer.WriteString("identifier", dataset.Identifier);
            if (!dataset.Keywords.IsEmpty)
            {
                writer.WriteStartArray("keywords");
                foreach (string keyword in dataset.Keywords)
                {
                    writer.WriteStringValue(keyword);
                }

                writer.WriteEndArray();
            }

            if (dataset.License is { } license)
            {
                writer.WriteString("license", license);
            }

            writer.WriteBoolean("isAccessibleForFree", true);
            writer.WritePropertyName("creator");
            WriteOrganization(writer, dataset);
            writer.WritePropertyName("publisher");
            WriteOrganization(writer, dataset);
            writer.WriteString("datePublished", dataset.Entry.Issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString("dateModified", PodCatalogWriter.Instant(dataset.Entry.Modified));
            if (dataset.Temporal is { } temporal)
            {
                writer.WriteString("temporalCoverage", temporal);
            }

            WriteSpatial(writer, dataset.Spatial);
            if (!dataset.Languages.IsEmpty)
            {
                writer.WriteString("inLanguage", dataset.Languages[0]);
            }

            writer.WriteStartArray("distribution");
            foreach (CatalogDistribution distribution in dataset.Distributions.Where(d => d.DownloadUrl is not null))
            {
                writer.WriteStartObject();
                writer.WriteString("@type", "DataDownload");
                writer.WriteString("name", distribution.Title);
                writer.WriteString("encodingFormat", distribution.MediaType);
                writer.WriteString("contentUrl", distribution.DownloadUrl);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("includedInDataCatalog");
            writer.WriteString("@type", "DataCatalog");
            writer.WriteString("name", options.CatalogTitle);
            writer.WriteString("url", links.Home);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteOrganization(Utf8JsonWriter writer, ExportedMetadata dataset)
    {
        writer.WriteStartObject();
        writer.WriteString("@type", "Organization");
        writer.WriteString("name", dataset.Publisher);
        if (dataset.PublisherParent is { } parent)
        {
            writer.WriteStartObject("parentOrganization");
            writer.WriteString("@type", "Organization");
            writer.WriteString("name", parent);
            writer.WriteEndObject();
        }

        if (dataset.ContactEmail is { } email)
        {
            writer.WriteStartObject("contactPoint");
            writer.WriteString("@type", "ContactPoint");
            writer.WriteString("name", dataset.ContactName);
            writer.WriteString("email", email);
            writer.WriteString("contactType", "data");
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>A bounding box becomes a schema.org <c>GeoShape</c> box ("S W N E"); anything else a named place.</summary>
    private static void WriteSpatial(Utf8JsonWriter writer, string? spatial)
    {
        if (spatial is null)
        {
            return;
        }

        writer.WriteStartObject("spatialCoverage");
        writer.WriteString("@type", "Place");
        if (DatasetMetadataValidator.TryParseBoundingBox(spatial, out var box, out bool valid) && valid)
        {
            writer.WriteStartObject("geo");
            writer.WriteString("@type", "GeoShape");
            writer.WriteString("box", string.Create(CultureInfo.InvariantCulture, $"{box.South} {box.West} {box.North} {box.East}"));
            writer.WriteEndObject();
        }
        else if (DatasetMetadataValidator.IsWebUrl(spatial))
        {
            writer.WriteString("sameAs", spatial);
        }
        else if (!spatial.StartsWith('{'))
        {
            writer.WriteString("name", spatial);
        }

        writer.WriteEndObject();
    }
}
