using CivicData.Soql.Text;

namespace CivicData.Soql.Ast;

/// <summary>One <c>WHEN condition THEN value</c> of a <see cref="CaseExpression"/>.</summary>
public sealed class CaseWhenClause : SyntaxNode
{
    public CaseWhenClause(Expression condition, Expression value, TextLocation location)
        : base(location)
    {
        Condition = condition;
        Value = value;
    }

    public Expression Condition { get; }

    public Expression Value { get; }
}
