using System.Collections.Immutable;
using CivicData.Core.Schema;

namespace CivicData.Soql.Tests.Reference;

/// <summary>A fixture table as the reference evaluator sees it: the schema and the canonical rows in load order.</summary>
public sealed class RefTable(TableSchema schema, IReadOnlyList<object?[]> rows)
{
    private readonly Dictionary<string, int> _index = schema.Columns
        .Select((column, i) => (column.FieldName, i))
        .ToDictionary(pair => pair.FieldName, pair => pair.i, StringComparer.Ordinal);

    public TableSchema Schema { get; } = schema;

    public IReadOnlyList<object?[]> Rows { get; } = rows;

    /// <summary>The rows with their system fields, as the engines load them (<c>:id</c> = row-n, n from 1).</summary>
    public ImmutableArray<RefRow> RefRows => [.. Rows.Select((values, i) => new RefRow(this, values, i + 1))];

    public int IndexOf(string fieldName) => _index.TryGetValue(fieldName, out int i)
        ? i
        : throw new ArgumentException($"No column {fieldName} in {Schema.TableName}.", nameof(fieldName));
}

/// <summary>One input row: user values plus its load position.</summary>
public sealed record RefRow(RefTable Table, object?[] Values, int Sequence)
{
    public string Id => "row-" + Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public object? this[string fieldName] => Values[Table.IndexOf(fieldName)];
}

/// <summary>
/// What an expression is evaluated against: one row (for row queries) or a group of rows with a representative (for
/// grouped ones; non-aggregate sub-expressions read the representative, aggregates read the whole group).
/// </summary>
public sealed record RefContext(RefRow Row, IReadOnlyList<RefRow> Group);

/// <summary>A reference expression: a C# lambda over a row or group, independent of the compiler.</summary>
public delegate object? RefExpr(RefContext context);
