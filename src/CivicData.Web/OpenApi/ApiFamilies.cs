using System.Collections.Immutable;

namespace CivicData.Web.OpenApi;

/// <summary>
/// The API families the OpenAPI document groups operations into: one tag each, in the order a reader meets them.
/// Endpoint groups name their family with <c>.WithTags(...)</c>; the names here must match those tags.
/// </summary>
internal static class ApiFamilies
{
    public const string Soda = "SODA";
    public const string SodaProducer = "SODA producer";
    public const string SodaViews = "SODA views";
    public const string Discovery = "SODA Discovery";
    public const string Ckan = "CKAN";
    public const string Dcat = "DCAT";
    public const string Native = "CivicData";

    /// <summary>Every family with the description Scalar shows above its operations.</summary>
    public static readonly ImmutableArray<(string Name, string Description)> All =
    [
        (Soda, "Socrata's SODA 2.1 API: query a dataset's rows with SoQL as JSON, CSV or GeoJSON. Existing Socrata " +
            "clients (sodapy, soda-js, RSocrata) work unchanged."),
        (SodaProducer, "Socrata's producer API, for publishers with an API key: upsert, replace and delete rows. Each " +
            "call is one atomic new version and answers Socrata's Rows Created/Updated/Deleted counts."),
        (SodaViews, "Socrata's views API: a dataset's metadata and columns, the metadata API v1, and full downloads " +
            "(rows.csv, rows.json) of every row."),
        (Discovery, "Socrata's Discovery API (/api/catalog/v1): search the catalog by text, ids, categories, tags and " +
            "type, with facets."),
        (Ckan, "CKAN's Action API (/api/3/action/{action}) and DataStore: what CKAN clients and harvesters call. Every " +
            "answer is CKAN's {help, success, result} envelope."),
        (Dcat, "Metadata catalogs for harvesters: /data.json (DCAT-US / Project Open Data 1.1), DCAT-US 3.0 and DCAT-AP 3 " +
            "as JSON-LD and Turtle, and the sitemap."),
        (Native, "CivicData's own endpoints, answering errors as RFC 9457 problem details."),
    ];
}
