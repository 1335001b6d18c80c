using System.Collections.Immutable;
using CivicData.Core.Schema;
using CivicData.Soql.Binding;

namespace CivicData.Soql.Rendering.Sql;

/// <summary>
/// A quoted name: a table from the schema, a column from a <see cref="ColumnSymbol"/>, optionally followed by a
/// struct field the dialect chose (<c>"location"."lat"</c>). Never built from user text.
/// </summary>
public sealed class SqlIdentifier : ISqlFragment
{
    private SqlIdentifier(ImmutableArray<string> parts)
    {
        Parts = parts;
    }

    public ImmutableArray<string> Parts { get; }

    public static SqlIdentifier ForTable(TableSchema table) => new([table.TableName]);

    public static SqlIdentifier ForColumn(ColumnSymbol column) => new([column.PhysicalName]);

    /// <summary>The physical column that holds the load order; the default sort.</summary>
    public static SqlIdentifier ForSequence() => new([SystemColumns.Sequence]);

    /// <summary>The alias of a chained stage's source subquery.</summary>
    public static SqlIdentifier ForSource() => new(["_source"]);

    /// <summary>The row-order column a chained stage's source carries, so the next stage can keep its order.</summary>
    public static SqlIdentifier ForOrdinal() => new(["_ordinal"]);

    internal SqlIdentifier Field(string field) => new(Parts.Add(field));

    public void WriteTo(SqlBuilder builder)
    {
        for (int i = 0; i < Parts.Length; i++)
        {
            if (i > 0)
            {
                builder.AppendKeyword(".");
            }

            builder.AppendIdentifier(Parts[i]);
        }
    }
}
