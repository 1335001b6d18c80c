using CivicData.Soql.Syntax;

namespace CivicData.Soql.Ast;

/// <summary><c>expr :: type</c>.</summary>
public sealed class CastExpression : Expression
{
    public CastExpression(Expression operand, Token typeName)
        : base(Cover(operand.Location, typeName.Location))
    {
        Operand = operand;
        TypeName = typeName;
    }

    public Expression Operand { get; }

    public Token TypeName { get; }
}
