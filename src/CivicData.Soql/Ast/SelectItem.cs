using CivicData.Soql.Syntax;
using CivicData.Soql.Text;

namespace CivicData.Soql.Ast;

/// <summary>One entry of a selection: <c>expr [AS alias]</c>, <c>*</c> or <c>:*</c>.</summary>
public sealed class SelectItem : SyntaxNode
{
    public SelectItem(SelectItemKind kind, Expression? expression, Token? alias, TextLocation location)
        : base(location)
    {
        Kind = kind;
        Expression = expression;
        Alias = alias;
    }

    public SelectItemKind Kind { get; }

    public Expression? Expression { get; }

    public Token? Alias { get; }
}
