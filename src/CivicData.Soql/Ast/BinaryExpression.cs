using CivicData.Soql.Syntax;

namespace CivicData.Soql.Ast;

/// <summary><c>left op right</c> for arithmetic, comparison, <c>||</c>, AND and OR.</summary>
public sealed class BinaryExpression : Expression
{
    public BinaryExpression(Expression left, Token operatorToken, Expression right)
        : base(Cover(left.Location, right.Location))
    {
        Left = left;
        OperatorToken = operatorToken;
        Right = right;
    }

    public Expression Left { get; }

    public Token OperatorToken { get; }

    public Expression Right { get; }
}
