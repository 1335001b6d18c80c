using CivicData.Catalog.Accounts;
using CivicData.Core;
using CivicData.Web.Datasets;

namespace CivicData.Web.Soda;

/// <summary>
/// Who may write through SODA (soda.md §8): the dataset is found as the caller may see it first, so a private dataset
/// stays 404 to outsiders; then anonymous callers are told to log in and signed-in ones without the right are refused.
/// </summary>
internal static class SodaWriteAccess
{
    public static async Task<VisibleDataset> FindWritableAsync(string id, DatasetCaller caller, DatasetQueryService queries, CancellationToken cancellationToken)
    {
        VisibleDataset dataset = await queries.FindAsync(id, caller, cancellationToken);
        if (!caller.IsAuthenticated)
        {
            throw new PermissionDeniedError("forbidden", "You must be logged in to access this resource");
        }

        if (!caller.MayPublish(dataset.Metadata.Department))
        {
            throw new PermissionDeniedError("permission_denied", $"You do not have permission to change dataset {dataset.Id}.");
        }

        return dataset;
    }

    /// <summary>Appends the write to the audit log under the caller's email.</summary>
    public static Task AuditAsync(IAccountStore accounts, DatasetCaller caller, string action, VisibleDataset dataset, string details, CancellationToken cancellationToken) =>
        accounts.AppendAuditAsync(new AuditEntry(caller.Account?.Email ?? AuditEntry.OperatorActor, action, dataset.Id.Value, details), cancellationToken);
}
