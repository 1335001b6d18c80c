using CivicData.Core.Schema;
using CivicData.Soql.Text;

namespace CivicData.Soql.Binding.BoundNodes;

public sealed class BoundUnaryExpression(BoundUnaryOperatorKind operatorKind, BoundExpression operand, SodaType type, TextLocation? location)
    : BoundExpression(type, location)
{
    public override BoundNodeKind Kind => BoundNodeKind.Unary;

    public BoundUnaryOperatorKind OperatorKind { get; } = operatorKind;

    public BoundExpression Operand { get; } = operand;
}
