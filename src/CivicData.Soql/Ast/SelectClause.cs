using System.Collections.Immutable;
using CivicData.Soql.Text;

namespace CivicData.Soql.Ast;

/// <summary>The selection list of <c>$select</c> or <c>SELECT</c>.</summary>
public sealed class SelectClause : SyntaxNode
{
    public SelectClause(ImmutableArray<SelectItem> items, TextLocation location)
        : base(location)
    {
        Items = items;
    }

    public ImmutableArray<SelectItem> Items { get; }
}
