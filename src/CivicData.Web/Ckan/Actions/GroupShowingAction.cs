using CivicData.Catalog.Search;
using CivicData.Web.Ckan.Wire;

namespace CivicData.Web.Ckan.Actions;

/// <summary>
/// What <c>organization_show</c> and <c>group_show</c> share (ckan.md §4.9): one department or category by name (its
/// slug), its count of datasets the caller may see and, with <c>include_datasets</c>, those datasets.
/// </summary>
internal abstract class GroupShowingAction(CkanCatalog catalog, bool groups) : ICkanAction
{
    public abstract string Name { get; }

    public bool IsReadOnly => true;

    public abstract string Help { get; }

    public async Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string id = context.Parameters.GetRequiredString("id");
        bool includeDatasets = context.Parameters.GetBoolean("include_datasets", false);

        CatalogQuery scoped = await catalog.ScopeAsync(new CatalogQuery(), context.Caller, includePrivate: true, cancellationToken);
        IReadOnlyList<OrganizationDto> all = await catalog.OrganizationsAsync(scoped, groups, cancellationToken);
        OrganizationDto found = all.FirstOrDefault(item => string.Equals(item.Name, id.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw CkanErrors.NotFound(groups ? "Group was not found." : "Organization was not found.");
        if (!includeDatasets)
        {
            return CkanResult.Of(found);
        }

        IReadOnlyList<string> names = await catalog.NamesForSlugAsync(scoped, groups, found.Name, cancellationToken);
        CatalogSearchResult datasets = await catalog.Store.SearchAsync(
            scoped with
            {
                Filters = [new CatalogFilter(groups ? CatalogField.Category : CatalogField.Department, names)],
                Sort = CatalogSort.Title,
                Limit = groups ? 1000 : 10,
            },
            cancellationToken);
        return CkanResult.Of(found with { Packages = await catalog.ToPackagesAsync(datasets.Datasets, context.Caller, context.BaseUrl, cancellationToken) });
    }
}

/// <summary><c>organization_show</c>: a department.</summary>
internal sealed class OrganizationShowAction(CkanCatalog catalog) : GroupShowingAction(catalog, groups: false)
{
    public override string Name => "organization_show";

    public override string Help => "Return the details of an organization (department). Parameters: id (its name), include_datasets (at most 10).";
}

/// <summary><c>group_show</c>: a category.</summary>
internal sealed class GroupShowAction(CkanCatalog catalog) : GroupShowingAction(catalog, groups: true)
{
    public override string Name => "group_show";

    public override string Help => "Return the details of a group (category). Parameters: id (its name), include_datasets (at most 1000).";
}
