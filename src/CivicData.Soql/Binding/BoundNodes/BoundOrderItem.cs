namespace CivicData.Soql.Binding.BoundNodes;

public sealed class BoundOrderItem(BoundExpression expression, bool isDescending, bool nullsFirst)
{
    public BoundExpression Expression { get; } = expression;

    public bool IsDescending { get; } = isDescending;

    public bool NullsFirst { get; } = nullsFirst;
}
