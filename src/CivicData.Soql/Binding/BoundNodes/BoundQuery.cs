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
    long offset)
{
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
