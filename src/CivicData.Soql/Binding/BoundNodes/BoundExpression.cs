using CivicData.Core.Schema;
using CivicData.Soql.Text;

namespace CivicData.Soql.Binding.BoundNodes;

/// <summary>A type-checked expression. Immutable; children in constructor-set properties.</summary>
public abstract class BoundExpression
{
    protected BoundExpression(SodaType type, TextLocation? location)
    {
        Type = type;
        Location = location;
    }

    public abstract BoundNodeKind Kind { get; }

    public SodaType Type { get; }

    /// <summary>Where the expression was written; null for expressions the compiler made up (simple filters, $q).</summary>
    public TextLocation? Location { get; }
}
