using CivicData.Core.Schema;
using CivicData.Soql.Text;

namespace CivicData.Soql.Binding.BoundNodes;

public sealed class BoundLikeExpression(BoundExpression operand, bool isNegated, BoundExpression pattern, TextLocation? location)
    : BoundExpression(SodaType.Checkbox, location)
{
    public override BoundNodeKind Kind => BoundNodeKind.Like;

    public BoundExpression Operand { get; } = operand;

    public bool IsNegated { get; } = isNegated;

    public BoundExpression Pattern { get; } = pattern;
}
