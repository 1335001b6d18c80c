using CivicData.Web.Datasets;

namespace CivicData.Web.Ckan.Actions;

/// <summary>
/// <c>package_show</c> (ckan.md §4.5): one dataset dict by id or name (both are the 4x4 id). Datasets the caller may not
/// see answer 404 exactly like unknown ones, so their existence does not leak.
/// </summary>
internal sealed class PackageShowAction(CkanCatalog catalog) : ICkanAction
{
    public string Name => "package_show";

    public bool IsReadOnly => true;

    public string Help => "Return the metadata of a dataset (package) and its resources. Parameter: id (the dataset's id or name).";

    public async Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string id = context.Parameters.GetRequiredString("id");
        VisibleDataset dataset = await catalog.FindAsync(id, context.Caller, cancellationToken);
        return CkanResult.Of(CkanCatalog.ToPackage(dataset, context.BaseUrl));
    }
}
