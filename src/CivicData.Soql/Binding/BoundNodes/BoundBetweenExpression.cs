using CivicData.Core.Schema;
using CivicData.Soql.Text;

namespace CivicData.Soql.Binding.BoundNodes;

public sealed class BoundBetweenExpression(BoundExpression operand, bool isNegated, BoundExpression low, BoundExpression high, TextLocation? location)
    : BoundExpression(SodaType.Checkbox, location)
{
    public override BoundNodeKind Kind => BoundNodeKind.Between;

    public BoundExpression Operand { get; } = operand;

    public bool IsNegated { get; } = isNegated;

    public BoundExpression Low { get; } = low;

    public BoundExpression High { get; } = high;
}
