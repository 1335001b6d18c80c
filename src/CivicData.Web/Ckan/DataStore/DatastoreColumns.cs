using System.Collections.Immutable;
using CivicData.Core.Schema;
using CivicData.Web.Datasets;

namespace CivicData.Web.Ckan.DataStore;

/// <summary>The columns of a DataStore table as CKAN sees them: <c>_id</c> first, then the visible columns in order.</summary>
internal sealed class DatastoreColumns
{
    public const string RowId = "_id";

    private readonly Dictionary<string, ColumnSchema> _byName;

    public DatastoreColumns(VisibleDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Columns = [.. dataset.Columns.OrderBy(column => column.Position)];
        _byName = Columns.ToDictionary(column => column.FieldName, StringComparer.Ordinal);
    }

    /// <summary>Visible user columns (hidden ones are absent for callers who may not see them).</summary>
    public ImmutableArray<ColumnSchema> Columns { get; }

    public IEnumerable<string> Names => Columns.Select(column => column.FieldName).Prepend(RowId);

    public bool Contains(string name) => name == RowId || _byName.ContainsKey(name);

    public ColumnSchema? Find(string name) => _byName.GetValueOrDefault(name);

    public string TypeOf(string name) => name == RowId ? "int" : CkanFieldTypes.NameOf(_byName[name].Type);
}
