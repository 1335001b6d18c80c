using CivicData.Catalog;
using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;
using CivicData.Web.Datasets;

namespace CivicData.Web.Dcat;

/// <summary>
/// The datasets every metadata catalog lists: exactly what an anonymous caller may see, i.e. public datasets with a
/// published version, in id order so the exports are byte-stable while nothing changes (dcat-us.md §3).
/// </summary>
public sealed class PublicCatalog(ICatalogStore catalog)
{
    /// <summary>The store's largest search page.</summary>
    private const int PageSize = 1000;

    public async Task<IReadOnlyList<CatalogEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var records = new Dictionary<string, DatasetRecord>(StringComparer.Ordinal);
        for (int offset = 0; ; offset += PageSize)
        {
            CatalogSearchResult page = await catalog.SearchAsync(new CatalogQuery { Offset = offset, Limit = PageSize, IncludePrivate = false }, cancellationToken);
            foreach (DatasetRecord record in page.Datasets)
            {
                records.TryAdd(record.Id.Value, record);
            }

            if (page.Datasets.Count < PageSize)
            {
                break;
            }
        }

        var entries = new List<CatalogEntry>(records.Count);
        foreach (DatasetRecord record in records.Values.OrderBy(record => record.Id.Value, StringComparer.Ordinal))
        {
            // The search already leaves private and draft datasets out; the caller rule is asked again so that the
            // catalogs can never list more than an anonymous visitor may open.
            if (record.CurrentVersion is not int number || !DatasetCaller.Anonymous.MaySee(record.Metadata))
            {
                continue;
            }

            if (await catalog.FindVersionAsync(record.Id, number, cancellationToken) is { } version)
            {
                entries.Add(new CatalogEntry(record, version));
            }
        }

        return entries;
    }
}
