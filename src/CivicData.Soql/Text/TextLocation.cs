namespace CivicData.Soql.Text;

/// <summary>A span inside a particular source text: where a diagnostic points.</summary>
public readonly record struct TextLocation(SourceText Source, TextSpan Span)
{
    public LinePosition Start => Source.GetLinePosition(Span.Start);

    public string Text => Source.ToString(Span);
}
