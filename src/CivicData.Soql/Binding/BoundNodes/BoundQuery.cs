using System.Collections.Immutable;
using CivicData.Core.Schema;

namespace CivicData.Soql.Binding.BoundNodes;

/// <summary>A fully checked query, ready for rendering.</summary>
public sealed class BoundQuery(
    TableSchema table,
    ImmutableArray<BoundSelectItem> select,
    BoundExpression? where,
    ImmutableArray<BoundExpression> groupBy,
    BoundExpression? having,
    ImmutableArray<BoundOrderItem> orderBy,
    bool isAggregated,
    long? limit,
    long offset,
    bool isDistinct = false,
    BoundQuery? source = null,
    ImmutableArray<ColumnSymbol> sourceColumns = default)
{
    /// <summary>The stage before this one in a <c>|&gt;</c> chain: this query reads its output instead of the table.</summary>
    public BoundQuery? Source { get; } = source;

    /// <summary>The names this stage sees for <see cref="Source"/>'s output columns, one per source select item.</summary>
    public ImmutableArray<ColumnSymbol> SourceColumns { get; } = sourceColumns.IsDefault ? [] : sourceColumns;

    /// <summary>SELECT DISTINCT on an aggregated query (a plain DISTINCT is lowered to GROUP BY by the checker).</summary>
    public bool IsDistinct { get; } = isDistinct;

    public TableSchema Table { get; } = table;

    public ImmutableArray<BoundSelectItem> Select { get; } = select;

    /// <summary>$where, simple filters and $q AND-ed together.</summary>
    public BoundExpression? Where { get; } = where;

    public ImmutableArray<BoundExpression> GroupBy { get; } = groupBy;

    public BoundExpression? Having { get; } = having;

    /// <summary>The order the caller asked for; the renderer adds the default tie-breakers.</summary>
    public ImmutableArray<BoundOrderItem> OrderBy { get; } = orderBy;

    /// <summary>True when the query groups or uses an aggregate: one output row per group.</summary>
    public bool IsAggregated { get; } = isAggregated;

    /// <summary>Null means no limit.</summary>
    public long? Limit { get; } = limit;

    public long Offset { get; } = offset;
}
