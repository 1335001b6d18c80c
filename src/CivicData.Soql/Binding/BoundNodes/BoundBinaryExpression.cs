using CivicData.Core.Schema;
using CivicData.Soql.Text;

namespace CivicData.Soql.Binding.BoundNodes;

public sealed class BoundBinaryExpression(BoundExpression left, BoundBinaryOperatorKind operatorKind, BoundExpression right, SodaType type, TextLocation? location)
    : BoundExpression(type, location)
{
    public override BoundNodeKind Kind => BoundNodeKind.Binary;

    public BoundExpression Left { get; } = left;

    public BoundBinaryOperatorKind OperatorKind { get; } = operatorKind;

    public BoundExpression Right { get; } = right;
}
