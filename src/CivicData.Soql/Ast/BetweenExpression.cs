namespace CivicData.Soql.Ast;

/// <summary><c>x [NOT] BETWEEN low AND high</c>.</summary>
public sealed class BetweenExpression : Expression
{
    public BetweenExpression(Expression operand, bool isNegated, Expression low, Expression high)
        : base(Cover(operand.Location, high.Location))
    {
        Operand = operand;
        IsNegated = isNegated;
        Low = low;
        High = high;
    }

    public Expression Operand { get; }

    public bool IsNegated { get; }

    public Expression Low { get; }

    public Expression High { get; }
}
