using System.Text.Json;
using System.Text.RegularExpressions;
using CivicData.Catalog.Accounts;
using CivicData.Catalog.Datasets;
using CivicData.Core;
using CivicData.Core.Datasets;

namespace CivicData.Web.Ckan.Write;

/// <summary>
/// <c>package_create</c> (ckan.md §6): a new dataset with metadata and no data yet (state "draft"); its rows come with
/// <c>resource_create</c>. The id and name are a 4x4: the given name when it is one, a fresh id otherwise.
/// </summary>
internal sealed partial class PackageCreateAction(CkanDatasetWriter writer) : ICkanAction
{
    public string Name => "package_create";

    public bool IsReadOnly => false;

    public string Help => "Create a dataset. Parameters: name (required), title, notes, owner_org, private, license_id, url, author, maintainer, maintainer_email, tags, groups, extras. Add data with resource_create.";

    public async Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string name = context.Parameters.GetRequiredString("name").Trim();
        if (!NamePattern().IsMatch(name))
        {
            throw CkanErrors.Invalid("name", "Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_");
        }

        if (context.Parameters.GetJson("resources", textAllowed: false) is { ValueKind: JsonValueKind.Array } resources && resources.GetArrayLength() > 0)
        {
            throw CkanErrors.Invalid("resources", "Add data with resource_create and an uploaded file; CivicData keeps rows, not links");
        }

        string? organization = await CkanOrganizations.ResolveAsync(writer.Catalog, context.Parameters, context.Caller, cancellationToken);
        DatasetId id = DatasetId.TryParse(name, out DatasetId given) ? given : DatasetId.NewRandom();
        var start = new DatasetMetadata { Title = name, Department = organization ?? context.Caller.Account?.Organization };
        DatasetMetadata metadata = CkanPackageFields.Apply(start, context.Parameters, clearOmitted: false, fallbackTitle: name);
        CkanDatasetWriter.Authorize(context.Caller, "create packages", metadata);
        CkanDatasetWriter.Validate(metadata);

        DatasetRecord record;
        try
        {
            record = await writer.Catalog.CreateDatasetAsync(id, metadata, cancellationToken);
        }
        catch (ConflictError)
        {
            throw CkanErrors.Invalid("name", "That URL is already in use.");
        }

        await writer.AuditAsync(context.Caller, "dataset.create", id, AuditDetails.Of(("via", "ckan"), ("title", metadata.Title)), cancellationToken);
        return CkanResult.Of(await writer.ToPackageAsync(record, context.Caller, context.BaseUrl, cancellationToken));
    }

    [GeneratedRegex("^[a-z0-9_-]{2,100}$")]
    private static partial Regex NamePattern();
}
