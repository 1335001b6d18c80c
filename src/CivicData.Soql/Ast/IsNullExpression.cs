using CivicData.Soql.Text;

namespace CivicData.Soql.Ast;

/// <summary><c>x IS [NOT] NULL</c>.</summary>
public sealed class IsNullExpression : Expression
{
    public IsNullExpression(Expression operand, bool isNegated, TextLocation location)
        : base(location)
    {
        Operand = operand;
        IsNegated = isNegated;
    }

    public Expression Operand { get; }

    public bool IsNegated { get; }
}
