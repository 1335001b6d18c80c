using System.Collections.Immutable;
using CivicData.Soql.Text;

namespace CivicData.Soql.Ast;

/// <summary>The selection list of <c>$select</c> or <c>SELECT</c>.</summary>
public sealed class SelectClause : SyntaxNode
{
    public SelectClause(ImmutableArray<SelectItem> items, TextLocation location, bool isDistinct = false)
        : base(location)
    {
        Items = items;
        IsDistinct = isDistinct;
    }

    public ImmutableArray<SelectItem> Items { get; }

    /// <summary><c>SELECT DISTINCT</c>: duplicate output rows are removed.</summary>
    public bool IsDistinct { get; }
}
