namespace CivicData.Web.Dcat;

/// <summary>One way to get a dataset's data, as POD, DCAT-US 3 and DCAT-AP describe distributions.</summary>
/// <param name="Key">Fragment of the distribution's IRI, <c>https://…/d/{id}#csv</c>.</param>
/// <param name="Format">Human-readable format name: CSV, JSON, GeoJSON, API.</param>
/// <param name="MediaType">IANA media type of what the URL returns.</param>
/// <param name="DownloadUrl">A direct download of every row, when there is one.</param>
/// <param name="AccessUrl">The endpoint or page to use when there is no direct download.</param>
public sealed record CatalogDistribution(string Key, string Title, string Description, string Format, string MediaType, string? DownloadUrl, string? AccessUrl)
{
    /// <summary>
    /// CSV and JSON downloads of every row, GeoJSON when the dataset has a geometry column, and the SODA API
    /// (dcat-us.md §2.3's suggested set).
    /// </summary>
    public static IReadOnlyList<CatalogDistribution> For(CatalogEntry entry, CatalogLinks links)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(links);
        var distributions = new List<CatalogDistribution>(4)
        {
            new("csv", "CSV download", "Every row as CSV, with a header of column names.", "CSV", "text/csv", links.RowsCsv(entry.Id), null),
            new("json", "JSON download", "Every row in Socrata's rows.json layout, with the column list.", "JSON", "application/json", links.RowsJson(entry.Id), null),
        };
        if (entry.HasGeometry)
        {
            // SODA pages GeoJSON; a limit of the row count fetches all rows at once while SODA allows that many.
            distributions.Add(entry.Version.RowCount <= CatalogLinks.MaxResourceLimit
                ? new("geojson", "GeoJSON download", "Every row as a GeoJSON feature collection.", "GeoJSON", "application/vnd.geo+json",
                    links.Resource(entry.Id, "geojson", Math.Max(entry.Version.RowCount, 1)), null)
                : new("geojson", "GeoJSON (paged)", "Rows as GeoJSON features, a page at a time ($limit, $offset).", "GeoJSON", "application/vnd.geo+json",
                    null, links.Resource(entry.Id, "geojson")));
        }

        distributions.Add(new("api", "SODA API", "Query the rows with SoQL ($select, $where, $order, $limit …).", "API", "application/json", null, links.Resource(entry.Id, "json")));
        return distributions;
    }
}
