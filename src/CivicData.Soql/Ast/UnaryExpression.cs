using CivicData.Soql.Syntax;

namespace CivicData.Soql.Ast;

/// <summary><c>-x</c>, <c>+x</c>, <c>NOT x</c>.</summary>
public sealed class UnaryExpression : Expression
{
    public UnaryExpression(Token operatorToken, Expression operand)
        : base(Cover(operatorToken.Location, operand.Location))
    {
        OperatorToken = operatorToken;
        Operand = operand;
    }

    public Token OperatorToken { get; }

    public Expression Operand { get; }
}
