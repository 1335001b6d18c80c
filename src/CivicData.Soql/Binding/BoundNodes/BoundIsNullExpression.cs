using CivicData.Core.Schema;
using CivicData.Soql.Text;

namespace CivicData.Soql.Binding.BoundNodes;

public sealed class BoundIsNullExpression(BoundExpression operand, bool isNegated, TextLocation? location)
    : BoundExpression(SodaType.Checkbox, location)
{
    public override BoundNodeKind Kind => BoundNodeKind.IsNull;

    public BoundExpression Operand { get; } = operand;

    public bool IsNegated { get; } = isNegated;
}
