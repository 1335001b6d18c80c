using System.Collections.Immutable;
using CivicData.Soql.Text;

namespace CivicData.Soql.Ast;

/// <summary><c>x [NOT] IN (a, b, ...)</c>.</summary>
public sealed class InExpression : Expression
{
    public InExpression(Expression operand, bool isNegated, ImmutableArray<Expression> values, TextLocation location)
        : base(location)
    {
        Operand = operand;
        IsNegated = isNegated;
        Values = values;
    }

    public Expression Operand { get; }

    public bool IsNegated { get; }

    public ImmutableArray<Expression> Values { get; }
}
