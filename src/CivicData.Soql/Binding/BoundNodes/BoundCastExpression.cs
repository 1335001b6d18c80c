using CivicData.Core.Schema;
using CivicData.Soql.Text;

namespace CivicData.Soql.Binding.BoundNodes;

public sealed class BoundCastExpression(BoundExpression operand, SodaType type, TextLocation? location)
    : BoundExpression(type, location)
{
    public override BoundNodeKind Kind => BoundNodeKind.Cast;

    public BoundExpression Operand { get; } = operand;
}
