using CivicData.Core.Schema;
using CivicData.Soql.Text;

namespace CivicData.Soql.Binding.BoundNodes;

/// <summary>A user value; always rendered as a parameter (or the NULL keyword).</summary>
/// <param name="Value">A CLR value matching <paramref name="type"/>: string, double, bool, DateTime, or null.</param>
/// <param name="isFlexible">
/// True for string and null literals whose type is not fixed yet: they take the type their context needs (soda.md §4).
/// </param>
public sealed class BoundLiteralExpression(object? value, SodaType type, bool isFlexible, TextLocation? location)
    : BoundExpression(type, location)
{
    public override BoundNodeKind Kind => BoundNodeKind.Literal;

    public object? Value { get; } = value;

    public bool IsFlexible { get; } = isFlexible;

    public bool IsNull => Value is null;
}
