using System.Collections.Immutable;
using CivicData.Soql.Syntax;

namespace CivicData.Soql.Ast;

/// <summary>
/// A whole query: parsed from one <c>$query</c> statement, or assembled from the separate clause parameters
/// (each clause then keeps its own source text for positions).
/// </summary>
public sealed class QuerySyntax
{
    public QuerySyntax(
        SelectClause? select,
        Expression? where,
        ImmutableArray<Expression> groupBy,
        Expression? having,
        ImmutableArray<OrderByItem> orderBy,
        Token? search,
        Token? limit,
        Token? offset,
        QuerySyntax? source = null)
    {
        Source = source;
        Select = select;
        Where = where;
        GroupBy = groupBy;
        Having = having;
        OrderBy = orderBy;
        Search = search;
        Limit = limit;
        Offset = offset;
    }

    /// <summary>The stage before this one in a chain (<c>stage |&gt; this</c>); null for the first or only stage.</summary>
    public QuerySyntax? Source { get; }

    /// <summary>Null means <c>*</c>.</summary>
    public SelectClause? Select { get; }

    public Expression? Where { get; }

    public ImmutableArray<Expression> GroupBy { get; }

    public Expression? Having { get; }

    public ImmutableArray<OrderByItem> OrderBy { get; }

    /// <summary>The SEARCH string literal of a <c>$query</c>.</summary>
    public Token? Search { get; }

    /// <summary>The LIMIT number of a <c>$query</c>.</summary>
    public Token? Limit { get; }

    public Token? Offset { get; }
}
