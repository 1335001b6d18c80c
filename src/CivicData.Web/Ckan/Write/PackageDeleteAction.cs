using CivicData.Catalog.Accounts;
using CivicData.Catalog.Datasets;

namespace CivicData.Web.Ckan.Write;

/// <summary><c>package_delete</c> (ckan.md §6): the dataset disappears from every listing and lookup; the result is null.</summary>
internal sealed class PackageDeleteAction(CkanDatasetWriter writer) : ICkanAction
{
    public string Name => "package_delete";

    public bool IsReadOnly => false;

    public string Help => "Delete a dataset. Parameter: id. It vanishes from every listing and lookup; its data is kept on record.";

    public async Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        DatasetRecord record = await writer.FindAsync(context.Parameters.GetRequiredString("id"), context.Caller, cancellationToken);
        // Deleting is publishing in reverse: it needs a publisher even for a private dataset.
        CkanDatasetWriter.Authorize(context.Caller, "delete package " + record.Id.Value, record.Metadata with { Visibility = Visibility.Public }, record.Metadata);
        if (!await writer.Catalog.DeleteDatasetAsync(record.Id, cancellationToken))
        {
            throw CkanErrors.NotFound("Dataset not found");
        }

        await writer.AuditAsync(context.Caller, "dataset.delete", record.Id, AuditDetails.Of(("via", "ckan")), cancellationToken);
        return CkanResult.Of<object?>(null);
    }
}
