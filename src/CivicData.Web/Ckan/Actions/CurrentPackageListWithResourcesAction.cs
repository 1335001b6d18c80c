using CivicData.Catalog.Search;
using CivicData.Web.Ckan.Wire;

namespace CivicData.Web.Ckan.Actions;

/// <summary>
/// <c>current_package_list_with_resources</c> (ckan.md §4.3): full dataset dicts, most recently modified first.
/// Parameters <c>limit</c> (default 10, at most 1000), <c>offset</c>, and the deprecated <c>page</c>.
/// </summary>
internal sealed class CurrentPackageListWithResourcesAction(CkanCatalog catalog) : ICkanAction
{
    public string Name => "current_package_list_with_resources";

    public bool IsReadOnly => true;

    public string Help => "Return a list of the site's datasets and their resources, most recently modified first. Parameters: limit, offset, page.";

    public async Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        int limit = Math.Min(context.Parameters.GetNatural("limit", 10), CkanCatalog.PageSize);
        int offset = context.Parameters.GetNatural("offset", 0);
        if (context.Parameters.Has("page"))
        {
            int page = context.Parameters.GetNatural("page", 1);
            offset = page < 1 ? throw CkanErrors.Invalid("page", "Must be a positive integer") : (page - 1) * limit;
        }

        if (limit == 0)
        {
            return CkanResult.Of(Array.Empty<PackageDto>());
        }

        // Private datasets only for callers who see everything (CKAN: sysadmins).
        CatalogQuery query = await catalog.ScopeAsync(
            new CatalogQuery { Offset = offset, Limit = limit, Sort = CatalogSort.UpdatedAt, Descending = true },
            context.Caller,
            includePrivate: true,
            cancellationToken);
        if (query.PrivateDepartments.Count > 0)
        {
            query = query with { PrivateDepartments = [] };
        }

        CatalogSearchResult result = await catalog.Store.SearchAsync(query, cancellationToken);
        return CkanResult.Of(await catalog.ToPackagesAsync(result.Datasets, context.Caller, context.BaseUrl, cancellationToken));
    }
}
