using System.Collections.Immutable;
using CivicData.Soql.Text;

namespace CivicData.Soql.Ast;

/// <summary><c>CASE WHEN c THEN v [WHEN ...] [ELSE v] END</c> (soda.md §6.3): the same as <c>case(c, v, ..., true, else)</c>.</summary>
public sealed class CaseExpression : Expression
{
    public CaseExpression(ImmutableArray<CaseWhenClause> whenClauses, Expression? elseValue, TextLocation location)
        : base(location)
    {
        WhenClauses = whenClauses;
        ElseValue = elseValue;
    }

    public ImmutableArray<CaseWhenClause> WhenClauses { get; }

    public Expression? ElseValue { get; }
}
