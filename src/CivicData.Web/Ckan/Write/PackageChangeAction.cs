using CivicData.Catalog.Accounts;
using CivicData.Catalog.Datasets;

namespace CivicData.Web.Ckan.Write;

/// <summary>
/// <c>package_update</c> and <c>package_patch</c> (ckan.md §6): update replaces every field (omitted ones are cleared,
/// except visibility, organisation and the data), patch changes only the fields given. One metadata write each.
/// </summary>
internal abstract class PackageChangeAction(CkanDatasetWriter writer, bool clearOmitted) : ICkanAction
{
    public abstract string Name { get; }

    public bool IsReadOnly => false;

    public abstract string Help { get; }

    public async Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        DatasetRecord record = await writer.FindAsync(context.Parameters.GetRequiredString("id"), context.Caller, cancellationToken);
        string? organization = await CkanOrganizations.ResolveAsync(writer.Catalog, context.Parameters, context.Caller, cancellationToken);
        DatasetMetadata current = record.Metadata;
        DatasetMetadata metadata = CkanPackageFields.Apply(current, context.Parameters, clearOmitted, fallbackTitle: record.Id.Value);
        if (organization is not null)
        {
            metadata = metadata with { Department = organization };
        }

        CkanDatasetWriter.Authorize(context.Caller, "edit package " + record.Id.Value, metadata, current);
        CkanDatasetWriter.Validate(metadata);
        DatasetRecord updated = await writer.Catalog.UpdateMetadataAsync(record.Id, metadata, cancellationToken);
        await writer.AuditAsync(context.Caller, "dataset.metadata", record.Id, AuditDetails.Of(("via", "ckan"), ("action", Name)), cancellationToken);
        return CkanResult.Of(await writer.ToPackageAsync(updated, context.Caller, context.BaseUrl, cancellationToken));
    }
}

internal sealed class PackageUpdateAction(CkanDatasetWriter writer) : PackageChangeAction(writer, clearOmitted: true)
{
    public override string Name => "package_update";

    public override string Help => "Replace a dataset's metadata. Parameters: id (required) and the full dataset dict; omitted fields are cleared (private and owner_org are kept).";
}

internal sealed class PackagePatchAction(CkanDatasetWriter writer) : PackageChangeAction(writer, clearOmitted: false)
{
    public override string Name => "package_patch";

    public override string Help => "Change some of a dataset's metadata. Parameters: id (required) and the fields to change; lists given replace the old ones.";
}
