using CivicData.Soql.Text;

namespace CivicData.Soql.Ast;

/// <summary>Base of every node of the parsed (unchecked) SoQL tree.</summary>
public abstract class SyntaxNode
{
    protected SyntaxNode(TextLocation location)
    {
        Location = location;
    }

    /// <summary>The clause text this node was parsed from, and its span there.</summary>
    public TextLocation Location { get; }

    public static TextLocation Cover(TextLocation first, TextLocation last) =>
        new(first.Source, TextSpan.FromBounds(first.Span.Start, last.Span.End));
}
