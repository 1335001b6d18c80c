using System.Text;
using System.Xml;

namespace CivicData.Web.Dcat;

/// <summary>
/// <c>/sitemap.xml</c> (sitemaps.org 0.9): the home page, the catalog, and every public dataset page with the time it
/// last changed; and <c>/robots.txt</c>, which points crawlers at it.
/// </summary>
internal static class SitemapWriter
{
    public const string ContentType = "application/xml; charset=utf-8";

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static async Task WriteAsync(Stream output, CatalogSnapshot snapshot, CancellationToken cancellationToken)
    {
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true };
        await using XmlWriter writer = XmlWriter.Create(output, settings);
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(null, "urlset", Namespace);
        await WriteUrlAsync(writer, snapshot.Links.Home, snapshot.LastModified);
        await WriteUrlAsync(writer, snapshot.Links.Browse, snapshot.LastModified);
        foreach (CatalogEntry entry in snapshot.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteUrlAsync(writer, snapshot.Links.Dataset(entry.Id), entry.Modified);
        }

        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
        await writer.FlushAsync();
    }

    /// <summary>
    /// Crawlers may read every page, but not the query APIs, where each parameter combination is another URL and
    /// another database query; the catalogs and downloads that matter are linked from the pages and the sitemap.
    /// </summary>
    public static string RobotsTxt(CatalogLinks links) =>
        "User-agent: *\n"
        + "Disallow: /resource/\n"
        + "Disallow: /api/\n"
        + "Disallow: /browse?\n"
        + "Allow: /\n"
        + "\n"
        + "Sitemap: " + links.Sitemap + "\n";

    private static async Task WriteUrlAsync(XmlWriter writer, string location, DateTimeOffset? lastModified)
    {
        await writer.WriteStartElementAsync(null, "url", Namespace);
        await writer.WriteElementStringAsync(null, "loc", Namespace, location);
        if (lastModified is { } modified)
        {
            await writer.WriteElementStringAsync(null, "lastmod", Namespace, PodCatalogWriter.Instant(modified));
        }

        await writer.WriteEndElementAsync();
    }
}
