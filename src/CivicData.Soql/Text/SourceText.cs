using System.Collections.Immutable;

namespace CivicData.Soql.Text;

/// <summary>The text of one SoQL clause (or a whole <c>$query</c>), with line starts for positions.</summary>
public sealed class SourceText
{
    private readonly ImmutableArray<int> _lineStarts;

    private SourceText(string text, string clause)
    {
        Text = text;
        Clause = clause;
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>The text as sent.</summary>
    public string Text { get; }

    /// <summary>The request parameter this text came from, such as <c>$where</c> or <c>$query</c>.</summary>
    public string Clause { get; }

    public int Length => Text.Length;

    public char this[int index] => Text[index];

    public static SourceText From(string text, string clause) => new(text, clause);

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    public override string ToString() => Text;

    /// <summary>1-based line and column of a character position.</summary>
    public LinePosition GetLinePosition(int position)
    {
        int line = _lineStarts.BinarySearch(position);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line + 1, position - _lineStarts[line] + 1);
    }

    private static ImmutableArray<int> ComputeLineStarts(string text)
    {
        ImmutableArray<int>.Builder starts = ImmutableArray.CreateBuilder<int>();
        starts.Add(0);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToImmutable();
    }
}
