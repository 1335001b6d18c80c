using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;

namespace CivicData.Web.Ckan.Actions;

/// <summary>
/// <c>package_list</c> (ckan.md §4.3): names of active public datasets, by name. Private datasets are left out even for
/// admins, as CKAN does; <c>include_private</c> and friends are ignored.
/// </summary>
internal sealed class PackageListAction(CkanCatalog catalog) : ICkanAction
{
    public string Name => "package_list";

    public bool IsReadOnly => true;

    public string Help => "Return a list of the names of the site's public datasets, sorted by name. Parameters: limit, offset.";

    public async Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        int limit = context.Parameters.GetNatural("limit", int.MaxValue);
        int offset = context.Parameters.GetNatural("offset", 0);
        var query = new CatalogQuery { Sort = CatalogSort.Id };
        var names = new List<string>();
        int index = 0;
        await foreach (DatasetRecord record in catalog.ListAllAsync(query, cancellationToken))
        {
            if (names.Count >= limit)
            {
                break;
            }

            if (index++ >= offset)
            {
                names.Add(record.Id.Value);
            }
        }

        return CkanResult.Of(names);
    }
}
