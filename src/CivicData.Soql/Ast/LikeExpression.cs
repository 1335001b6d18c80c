namespace CivicData.Soql.Ast;

/// <summary><c>x [NOT] LIKE pattern</c> (case-sensitive, no escape character).</summary>
public sealed class LikeExpression : Expression
{
    public LikeExpression(Expression operand, bool isNegated, Expression pattern)
        : base(Cover(operand.Location, pattern.Location))
    {
        Operand = operand;
        IsNegated = isNegated;
        Pattern = pattern;
    }

    public Expression Operand { get; }

    public bool IsNegated { get; }

    public Expression Pattern { get; }
}
