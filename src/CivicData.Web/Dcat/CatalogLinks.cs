using System.Globalization;
using CivicData.Core.Datasets;
using CivicData.Soql;
using Microsoft.AspNetCore.Http;

namespace CivicData.Web.Dcat;

/// <summary>Every absolute URL the metadata catalogs print, made from one base address.</summary>
public sealed class CatalogLinks
{
    private CatalogLinks(string root) => Root = root;

    /// <summary>Scheme, host and path base without a trailing slash, e.g. <c>https://data.examplecity.gov</c>.</summary>
    public string Root { get; }

    /// <summary>The configured base URL, else the request's own scheme, host and path base.</summary>
    public static CatalogLinks For(HttpRequest request, DcatOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        string root = string.IsNullOrWhiteSpace(options.BaseUrl)
            ? request.Scheme + "://" + request.Host.ToUriComponent() + request.PathBase.ToUriComponent()
            : options.BaseUrl;
        return new CatalogLinks(root.TrimEnd('/'));
    }

    public string Home => Root + "/";

    public string Browse => Root + "/browse";

    public string DataJson => Root + "/data.json";

    /// <summary>The catalog's RDF identity (dcat-us.md §6: <c>https://…/catalog</c>).</summary>
    public string Catalog => Root + "/catalog";

    public string Sitemap => Root + "/sitemap.xml";

    /// <summary>The dataset page, which is also the dataset's stable identifier.</summary>
    public string Dataset(DatasetId id) => Root + "/d/" + id.Value;

    /// <summary>The Socrata view, which lists the columns: the default data dictionary.</summary>
    public string View(DatasetId id) => Root + "/api/views/" + id.Value + ".json";

    public string RowsCsv(DatasetId id) => Root + "/api/views/" + id.Value + "/rows.csv?accessType=DOWNLOAD";

    public string RowsJson(DatasetId id) => Root + "/api/views/" + id.Value + "/rows.json?accessType=DOWNLOAD";

    /// <summary>The SODA endpoint; with <paramref name="limit"/>, a query that returns every row at once.</summary>
    public string Resource(DatasetId id, string extension, long? limit = null) =>
        Root + "/resource/" + id.Value + "." + extension + (limit is long rows ? "?$limit=" + rows.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>The largest page SODA serves, so a GeoJSON link with this limit or less holds every row.</summary>
    public static long MaxResourceLimit { get; } = new SoqlRequest().MaxLimit ?? long.MaxValue;
}
