using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using CivicData.Core.Schema;

namespace CivicData.Soql.Binding;

/// <summary>The columns a query can name, built from the dataset schema; lookups are case-insensitive and treat '-' as '_'.</summary>
public sealed class ColumnScope
{
    private readonly FrozenDictionary<string, ColumnSymbol> _byName;

    public ColumnScope(TableSchema schema)
    {
        Schema = schema;
        UserColumns = [.. schema.Columns
            .OrderBy(column => column.Position)
            .Select(column => new ColumnSymbol(column.FieldName, column.PhysicalName, column.Type, IsSystem: false))];
        SystemColumns =
        [
            new ColumnSymbol(Core.Schema.SystemColumns.Id, Core.Schema.SystemColumns.Id, SodaType.Text, IsSystem: true),
            new ColumnSymbol(Core.Schema.SystemColumns.CreatedAt, Core.Schema.SystemColumns.CreatedAt, SodaType.FixedTimestamp, IsSystem: true),
            new ColumnSymbol(Core.Schema.SystemColumns.UpdatedAt, Core.Schema.SystemColumns.UpdatedAt, SodaType.FixedTimestamp, IsSystem: true),
        ];

        Dictionary<string, ColumnSymbol> byName = new(StringComparer.Ordinal);
        foreach (ColumnSymbol column in SystemColumns.Concat(UserColumns))
        {
            byName.TryAdd(Normalize(column.Name), column);
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The scope of a chained stage: only the previous stage's output columns, no system columns.</summary>
    public ColumnScope(TableSchema schema, ImmutableArray<ColumnSymbol> columns)
    {
        Schema = schema;
        UserColumns = columns;
        SystemColumns = [];
        Dictionary<string, ColumnSymbol> byName = new(StringComparer.Ordinal);
        foreach (ColumnSymbol column in columns)
        {
            byName.TryAdd(Normalize(column.Name), column);
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The dataset's table; for a chained stage, still the table the first stage reads.</summary>
    public TableSchema Schema { get; }

    /// <summary>User columns in position order: what <c>*</c> selects.</summary>
    public ImmutableArray<ColumnSymbol> UserColumns { get; }

    /// <summary><c>:id</c>, <c>:created_at</c>, <c>:updated_at</c>: what <c>:*</c> selects.</summary>
    public ImmutableArray<ColumnSymbol> SystemColumns { get; }

    /// <summary>Ordinal key for an identifier: case-folded, '-' read as '_' (soda.md §6.2).</summary>
    public static string Normalize(string name) =>
        name.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Replace('-', '_');

    public ColumnSymbol? Find(string name) => _byName.GetValueOrDefault(Normalize(name));
}
