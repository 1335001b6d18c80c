using CivicData.Catalog;
using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicData.Web.Portal.Pages;

/// <summary>The front page: search, how much data there is, categories, and what changed lately.</summary>
public sealed class IndexModel(ICatalogStore catalog) : PageModel
{
    private const int RecentCount = 6;

    public int DatasetCount { get; private set; }

    public IReadOnlyList<FacetCount> Categories { get; private set; } = [];

    public IReadOnlyList<DatasetRecord> RecentlyUpdated { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Anonymous view of the catalog (no private or unpublished datasets); the search orders by title, so the
        // newest are picked here from the largest page the store allows.
        CatalogSearchResult result = await catalog.SearchAsync(new CatalogQuery { Limit = 1000 }, cancellationToken);
        DatasetCount = result.Total;
        Categories = result.Categories;
        RecentlyUpdated = [.. result.Datasets
            .OrderByDescending(dataset => dataset.DataUpdatedAt ?? dataset.MetadataUpdatedAt)
            .ThenBy(dataset => dataset.Metadata.Title, StringComparer.OrdinalIgnoreCase)
            .Take(RecentCount)];
    }
}
