namespace CivicData.Soql.Binding.BoundNodes;

/// <summary>One output column: its expression and output name.</summary>
public sealed class BoundSelectItem(BoundExpression expression, string name)
{
    public BoundExpression Expression { get; } = expression;

    public string Name { get; } = name;
}
