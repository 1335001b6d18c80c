namespace CivicData.Web.Ckan.Actions;

/// <summary><c>resource_show</c> (ckan.md §4.7): one resource by id; 404 when unknown or its dataset is hidden.</summary>
internal sealed class ResourceShowAction(CkanCatalog catalog) : ICkanAction
{
    public string Name => "resource_show";

    public bool IsReadOnly => true;

    public string Help => "Return the metadata of a resource. Parameter: id (e.g. abcd-1234 for the rows, abcd-1234.json for the JSON download).";

    public async Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string id = context.Parameters.GetRequiredString("id");
        (_, Wire.ResourceDto resource) = await catalog.FindResourceAsync(id, context.Caller, context.BaseUrl, cancellationToken);
        return CkanResult.Of(resource);
    }
}
