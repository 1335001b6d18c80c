using System.Collections.Immutable;
using CivicData.Core.Schema;
using CivicData.Soql.Text;

namespace CivicData.Soql.Binding.BoundNodes;

/// <summary>
/// <c>CASE WHEN c1 THEN v1 ... [ELSE e] END</c>, also what <c>case(c1, v1, ...)</c> and <c>iif(c, a, b)</c> bind to:
/// the value of the first true condition, else <see cref="ElseValue"/>, else null.
/// </summary>
public sealed class BoundCaseExpression(
    ImmutableArray<BoundExpression> conditions,
    ImmutableArray<BoundExpression> values,
    BoundExpression? elseValue,
    SodaType type,
    TextLocation? location)
    : BoundExpression(type, location)
{
    public override BoundNodeKind Kind => BoundNodeKind.Case;

    /// <summary>Checkbox conditions, one per value.</summary>
    public ImmutableArray<BoundExpression> Conditions { get; } = conditions;

    public ImmutableArray<BoundExpression> Values { get; } = values;

    public BoundExpression? ElseValue { get; } = elseValue;
}
