using CivicData.Catalog;
using CivicData.Catalog.Accounts;
using CivicData.Catalog.Datasets;
using CivicData.Core;
using CivicData.Core.Datasets;
using CivicData.Web.Ckan.Wire;
using CivicData.Web.Datasets;

namespace CivicData.Web.Ckan.Write;

/// <summary>
/// What every CKAN write action shares: finding the dataset to change, deciding whether the caller may, validating
/// the new metadata with CKAN's field messages, writing the audit entry, and answering with the dataset dict.
/// </summary>
internal sealed class CkanDatasetWriter(ICatalogStore catalog, IAccountStore accounts, CkanCatalog ckan)
{
    public ICatalogStore Catalog => catalog;

    /// <summary>The dataset by id or name (the 4x4), drafts included, if the caller may see it; CKAN's 404 otherwise.</summary>
    public async Task<DatasetRecord> FindAsync(string idOrName, DatasetCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        DatasetRecord? record = DatasetId.TryParse(idOrName.Trim().ToLowerInvariant(), out DatasetId id)
            ? await catalog.FindDatasetAsync(id, cancellationToken)
            : null;
        if (record is null || !caller.MaySee(record.Metadata) || (record.CurrentVersion is null && !caller.MaySeeEverythingOf(record.Metadata)))
        {
            throw CkanErrors.NotFound("Dataset not found");
        }

        return record;
    }

    /// <summary>
    /// Refuses a caller who may not leave the dataset as <paramref name="target"/>: editing needs the editor role in its
    /// organisation, and a public dataset (or making one public) needs a publisher's.
    /// </summary>
    public static void Authorize(DatasetCaller caller, string action, DatasetMetadata target, DatasetMetadata? current = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(target);
        string who = caller.Account?.Email ?? "";
        if (!caller.IsAuthenticated)
        {
            throw CkanErrors.Denied($"User {who} not authorized to {action}");
        }

        bool needsPublisher = target.Visibility == Visibility.Public || current?.Visibility == Visibility.Public;
        bool allowed = caller.MayEdit(target.Department)
            && (current is null || caller.MayEdit(current.Department))
            && (!needsPublisher || (caller.MayPublish(target.Department) && (current is null || caller.MayPublish(current.Department))));
        if (!allowed)
        {
            throw CkanErrors.Denied($"User {who} not authorized to {action}");
        }
    }

    /// <summary>CKAN's 409 Validation Error with every bad field, named as the dataset dict names it.</summary>
    public static void Validate(DatasetMetadata metadata)
    {
        IReadOnlyList<MetadataFieldError> errors = DatasetMetadataValidator.Check(metadata);
        if (errors.Count == 0)
        {
            return;
        }

        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (IGrouping<string, MetadataFieldError> field in errors.GroupBy(error => CkanFieldName(error.Field)))
        {
            fields[field.Key] = field.Select(error => error.Message).ToArray();
        }

        throw new ValidationError(CkanErrors.ValidationCode, string.Join("; ", errors.Select(error => CkanFieldName(error.Field) + ": " + error.Message)), fields);
    }

    public Task AuditAsync(DatasetCaller caller, string action, DatasetId id, string details, CancellationToken cancellationToken) =>
        accounts.AppendAuditAsync(new AuditEntry(caller.Account?.Email ?? AuditEntry.OperatorActor, action, id.Value, details), cancellationToken);

    /// <summary>The dataset dict as <paramref name="caller"/> now sees it; a dataset without data is a draft.</summary>
    public async Task<PackageDto> ToPackageAsync(DatasetRecord record, DatasetCaller caller, string baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.CurrentVersion is null
            ? CkanCatalog.ToDraftPackage(record)
            : CkanCatalog.ToPackage(await ckan.FindAsync(record.Id.Value, caller, cancellationToken), baseUrl);
    }

    private static string CkanFieldName(string field) => field switch
    {
        "title" => "title",
        "attributionLink" => "url",
        "contactEmail" => "maintainer_email",
        "licenseUrl" => "license_id",
        "tags" => "tags",
        _ => "extras",
    };
}
