using CivicData.Core.Schema;
using CivicData.Web.Datasets;

namespace CivicData.Web.Ckan.DataStore;

/// <summary><c>datastore_info</c> (ckan.md §5.3): a DataStore table's row count and its columns (not <c>_id</c>).</summary>
internal sealed class DatastoreInfoAction(CkanCatalog catalog) : ICkanAction
{
    public string Name => "datastore_info";

    public bool IsReadOnly => true;

    public string Help => "Return a DataStore resource's row count and columns with their types. Parameter: resource_id (or id).";

    public async Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string resourceId = context.Parameters.GetString("resource_id") ?? context.Parameters.GetString("id") ?? "";
        if (string.IsNullOrWhiteSpace(resourceId))
        {
            throw CkanErrors.Missing("resource_id");
        }

        VisibleDataset dataset = await catalog.FindDatastoreAsync(resourceId, context.Caller, cancellationToken);
        var columns = new DatastoreColumns(dataset);
        string? rowIdentifier = dataset.Record.RowIdentifier;
        return CkanResult.Of(new Info(
            new Meta(dataset.Id.Value, dataset.Version.RowCount, "BASE TABLE", null, null, null, []),
            [.. columns.Columns.Select(column => new Field(
                column.FieldName,
                CkanFieldTypes.NameOf(column.Type),
                new FieldInfo(column.DisplayName, column.Description, SodaTypeNames.ToName(column.Type)),
                new FieldSchema(CkanFieldTypes.NameOf(column.Type), false, column.FieldName == rowIdentifier, column.FieldName == rowIdentifier, null)))]));
    }

    private sealed record Info(Meta Meta, IReadOnlyList<Field> Fields);

    private sealed record Meta(string Id, long Count, string TableType, long? Size, long? DbSize, long? IdxSize, IReadOnlyList<string> Aliases);

    private sealed record Field(string Id, string Type, FieldInfo Info, FieldSchema Schema);

    /// <summary>The data dictionary: display name, description, and the SODA type the column has here.</summary>
    private sealed record FieldInfo(string Label, string Notes, string SodaType);

    private sealed record FieldSchema(string NativeType, bool IsIndex, bool Notnull, bool Uniquekey, string? IndexName);
}
