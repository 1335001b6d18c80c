using CivicData.Soql.Text;

namespace CivicData.Soql.Binding.BoundNodes;

public sealed class BoundColumnExpression(ColumnSymbol column, TextLocation? location)
    : BoundExpression(column.Type, location)
{
    public override BoundNodeKind Kind => BoundNodeKind.Column;

    public ColumnSymbol Column { get; } = column;
}
