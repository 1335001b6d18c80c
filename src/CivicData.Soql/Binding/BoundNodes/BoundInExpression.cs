using System.Collections.Immutable;
using CivicData.Core.Schema;
using CivicData.Soql.Text;

namespace CivicData.Soql.Binding.BoundNodes;

public sealed class BoundInExpression(BoundExpression operand, bool isNegated, ImmutableArray<BoundExpression> values, TextLocation? location)
    : BoundExpression(SodaType.Checkbox, location)
{
    public override BoundNodeKind Kind => BoundNodeKind.In;

    public BoundExpression Operand { get; } = operand;

    public bool IsNegated { get; } = isNegated;

    public ImmutableArray<BoundExpression> Values { get; } = values;
}
