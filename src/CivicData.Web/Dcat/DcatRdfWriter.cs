using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using CivicData.Catalog.Datasets;

namespace CivicData.Web.Dcat;

/// <summary>
/// The catalog as DCAT-US 3.0 / DCAT-AP 3 RDF (dcat-us.md §5–6): the mandatory and recommended properties of
/// Catalog, Dataset, Distribution, publisher (foaf:Organization) and contact point (vcard:Kind).
/// </summary>
internal static class DcatRdfWriter
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string Dcat = "http://www.w3.org/ns/dcat#";
    private const string Dct = "http://purl.org/dc/terms/";
    private const string Foaf = "http://xmlns.com/foaf/0.1/";
    private const string Vcard = "http://www.w3.org/2006/vcard/ns#";
    private const string Skos = "http://www.w3.org/2004/02/skos/core#";
    private const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    private const string Locn = "http://www.w3.org/ns/locn#";
    private const string Gsp = "http://www.opengis.net/ont/geosparql#";
    private const string EuFileType = "http://publications.europa.eu/resource/authority/file-type/";
    private const string EuAccessRight = "http://publications.europa.eu/resource/authority/access-right/";

    /// <summary>POD repeating durations → the Dublin Core frequency vocabulary DCAT-US 3 uses.</summary>
    private static readonly FrozenDictionary<string, string> s_frequencies = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["irregular"] = "irregular",
        ["R/PT1H"] = "continuous",
        ["R/P1D"] = "daily",
        ["R/P1W"] = "weekly",
        ["R/P2W"] = "biweekly",
        ["R/P1M"] = "monthly",
        ["R/P3M"] = "quarterly",
        ["R/P6M"] = "semiannual",
        ["R/P1Y"] = "annual",
        ["R/P2Y"] = "biennial",
        ["R/P3Y"] = "triennial",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static async Task WriteAsync(TextWriter output, CatalogSnapshot snapshot, CancellationToken cancellationToken)
    {
        var turtle = new TurtleWriter(output);
        string catalog = snapshot.Links.Catalog;
        string catalogPublisher = Organization(snapshot.Links, snapshot.Options.OrganizationName ?? snapshot.Options.CatalogTitle);
        await turtle.IriAsync(catalog, Rdf + "type", Dcat + "Catalog");
        await turtle.LiteralAsync(catalog, Dct + "title", snapshot.Options.CatalogTitle);
        await turtle.LiteralAsync(catalog, Dct + "description", snapshot.Options.CatalogDescription);
        await turtle.IriAsync(catalog, Dct + "publisher", catalogPublisher);
        await WriteOrganizationAsync(turtle, catalogPublisher, snapshot.Options.OrganizationName ?? snapshot.Options.CatalogTitle);
        await turtle.IriAsync(catalog, Foaf + "homepage", snapshot.Links.Home);
        if (snapshot.LastModified is { } modified)
        {
            await turtle.LiteralAsync(catalog, Dct + "modified", PodCatalogWriter.Instant(modified), Xsd + "dateTime");
        }

        int node = 0;
        foreach (ExportedMetadata dataset in snapshot.Exported)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await turtle.IriAsync(catalog, Dcat + "dataset", dataset.Identifier);
            await WriteDatasetAsync(turtle, dataset, snapshot.Links, ++node);
        }

        await output.FlushAsync(cancellationToken);
    }

    private static async Task WriteDatasetAsync(TurtleWriter turtle, ExportedMetadata dataset, CatalogLinks links, int node)
    {
        string id = dataset.Identifier;
        await turtle.IriAsync(id, Rdf + "type", Dcat + "Dataset");
        await turtle.LiteralAsync(id, Dct + "title", dataset.Title);
        await turtle.LiteralAsync(id, Dct + "description", dataset.Description);
        await turtle.LiteralAsync(id, Dct + "identifier", dataset.Identifier);
        string? language = dataset.Languages.IsEmpty ? null : dataset.Languages[0];
        foreach (string keyword in dataset.Keywords)
        {
            await turtle.LiteralAsync(id, Dcat + "keyword", keyword, language: language);
        }

        await turtle.LiteralAsync(id, Dct + "issued", dataset.Entry.Issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Xsd + "date");
        await turtle.LiteralAsync(id, Dct + "modified", PodCatalogWriter.Instant(dataset.Entry.Modified), Xsd + "dateTime");
        await turtle.IriAsync(id, Dcat + "landingPage", dataset.LandingPage);
        await turtle.IriAsync(id, Dct + "accessRights", EuAccessRight + (dataset.Metadata.AccessLevel == AccessLevels.Public ? "PUBLIC" : "NON_PUBLIC"));

        string publisher = Organization(links, dataset.Publisher);
        await turtle.IriAsync(id, Dct + "publisher", publisher);
        await WriteOrganizationAsync(turtle, publisher, dataset.Publisher);
        if (dataset.PublisherParent is { } parent)
        {
            string parentIri = Organization(links, parent);
            await turtle.IriAsync(publisher, "http://www.w3.org/ns/org#subOrganizationOf", parentIri);
            await WriteOrganizationAsync(turtle, parentIri, parent);
        }

        string contact = "_:contact" + node.ToString(CultureInfo.InvariantCulture);
        await turtle.NodeAsync(id, Dcat + "contactPoint", contact);
        await turtle.IriAsync(contact, Rdf + "type", Vcard + "Kind");
        await turtle.LiteralAsync(contact, Vcard + "fn", dataset.ContactName);
        if (dataset.ContactEmail is { } email)
        {
            await turtle.IriAsync(contact, Vcard + "hasEmail", "mailto:" + email);
        }

        int theme = 0;
        foreach (string label in dataset.Themes)
        {
            string concept = "_:theme" + node.ToString(CultureInfo.InvariantCulture) + "_" + (++theme).ToString(CultureInfo.InvariantCulture);
            await turtle.NodeAsync(id, Dcat + "theme", concept);
            await turtle.IriAsync(concept, Rdf + "type", Skos + "Concept");
            await turtle.LiteralAsync(concept, Skos + "prefLabel", label);
        }

        if (dataset.AccrualPeriodicity is { } periodicity && s_frequencies.TryGetValue(periodicity, out string? frequency))
        {
            await turtle.IriAsync(id, Dct + "accrualPeriodicity", "http://purl.org/cld/freq/" + frequency);
        }

        if (dataset.ConformsTo is { } standard)
        {
            await turtle.IriAsync(id, Dct + "conformsTo", standard);
        }

        await WriteTemporalAsync(turtle, id, dataset.Temporal, node);
        await WriteSpatialAsync(turtle, id, dataset.Spatial, node);
        foreach (CatalogDistribution distribution in dataset.Distributions)
        {
            string iri = id + "#" + distribution.Key;
            await turtle.IriAsync(id, Dcat + "distribution", iri);
            await turtle.IriAsync(iri, Rdf + "type", Dcat + "Distribution");
            await turtle.LiteralAsync(iri, Dct + "title", distribution.Title);
            await turtle.LiteralAsync(iri, Dct + "description", distribution.Description);
            // DCAT-AP requires accessURL on every distribution; for a download it is the download itself.
            await turtle.IriAsync(iri, Dcat + "accessURL", distribution.AccessUrl ?? distribution.DownloadUrl!);
            if (distribution.DownloadUrl is { } download)
            {
                await turtle.IriAsync(iri, Dcat + "downloadURL", download);
            }

            await turtle.IriAsync(iri, Dcat + "mediaType", "https://www.iana.org/assignments/media-types/" + distribution.MediaType);
            if (distribution.Format != "API")
            {
                await turtle.IriAsync(iri, Dct + "format", EuFileType + distribution.Format.ToUpperInvariant());
            }

            if (dataset.License is { } license)
            {
                await turtle.IriAsync(iri, Dct + "license", license);
            }
        }
    }

    private static async Task WriteOrganizationAsync(TurtleWriter turtle, string iri, string name)
    {
        await turtle.IriAsync(iri, Rdf + "type", Foaf + "Organization");
        await turtle.LiteralAsync(iri, Foaf + "name", name);
        await turtle.LiteralAsync(iri, Skos + "prefLabel", name);
    }

    private static async Task WriteTemporalAsync(TurtleWriter turtle, string id, string? temporal, int node)
    {
        string[] parts = (temporal ?? "").Split('/');
        if (parts.Length != 2
            || !DatasetMetadataValidator.TryParseInstant(parts[0], out _, out bool startIsDate)
            || !DatasetMetadataValidator.TryParseInstant(parts[1], out _, out bool endIsDate))
        {
            return;
        }

        string period = "_:period" + node.ToString(CultureInfo.InvariantCulture);
        await turtle.NodeAsync(id, Dct + "temporal", period);
        await turtle.IriAsync(period, Rdf + "type", Dct + "PeriodOfTime");
        await turtle.LiteralAsync(period, Dcat + "startDate", parts[0], Xsd + (startIsDate ? "date" : "dateTime"));
        await turtle.LiteralAsync(period, Dcat + "endDate", parts[1], Xsd + (endIsDate ? "date" : "dateTime"));
    }

    private static async Task WriteSpatialAsync(TurtleWriter turtle, string id, string? spatial, int node)
    {
        if (spatial is null)
        {
            return;
        }

        if (DatasetMetadataValidator.IsWebUrl(spatial))
        {
            await turtle.IriAsync(id, Dct + "spatial", spatial);
            return;
        }

        string location = "_:location" + node.ToString(CultureInfo.InvariantCulture);
        await turtle.NodeAsync(id, Dct + "spatial", location);
        await turtle.IriAsync(location, Rdf + "type", Dct + "Location");
        if (DatasetMetadataValidator.TryParseBoundingBox(spatial, out var box, out bool valid) && valid)
        {
            string wkt = string.Create(CultureInfo.InvariantCulture,
                $"POLYGON(({box.West} {box.South}, {box.East} {box.South}, {box.East} {box.North}, {box.West} {box.North}, {box.West} {box.South}))");
            await turtle.LiteralAsync(location, Dcat + "bbox", wkt, Gsp + "wktLiteral");
        }
        else if (spatial.StartsWith('{'))
        {
            await turtle.LiteralAsync(location, Locn + "geometry", spatial, Gsp + "geoJSONLiteral");
        }
        else
        {
            await turtle.LiteralAsync(location, Skos + "prefLabel", spatial);
        }
    }

    /// <summary>An organisation's IRI, <c>https://…/department/{slug}</c> (dcat-us.md §6).</summary>
    private static string Organization(CatalogLinks links, string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (char c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        string text = slug.ToString().Trim('-');
        return links.Root + "/department/" + Uri.EscapeDataString(text.Length > 0 ? text : "publisher");
    }
}
