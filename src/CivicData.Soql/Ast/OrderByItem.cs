using CivicData.Soql.Text;

namespace CivicData.Soql.Ast;

/// <summary><c>expr [ASC|DESC] [NULLS FIRST|LAST]</c>.</summary>
/// <param name="NullsFirst">As written; null when not written (then nulls sort last ascending, first descending).</param>
public sealed class OrderByItem : SyntaxNode
{
    public OrderByItem(Expression expression, bool isDescending, bool? nullsFirst, TextLocation location)
        : base(location)
    {
        Expression = expression;
        IsDescending = isDescending;
        NullsFirst = nullsFirst;
    }

    public Expression Expression { get; }

    public bool IsDescending { get; }

    public bool? NullsFirst { get; }
}
