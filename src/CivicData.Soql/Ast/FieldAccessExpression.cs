using CivicData.Soql.Syntax;

namespace CivicData.Soql.Ast;

/// <summary><c>expr.field</c>: <c>location.latitude</c>, <c>website.url</c>, <c>available.year</c> (soda.md §6.3).</summary>
public sealed class FieldAccessExpression : Expression
{
    public FieldAccessExpression(Expression operand, Token field)
        : base(Cover(operand.Location, field.Location))
    {
        Operand = operand;
        Field = field;
    }

    public Expression Operand { get; }

    public Token Field { get; }

    /// <summary>The field name as written, without back-quotes.</summary>
    public string FieldName => (string?)Field.Value ?? Field.Text;
}
