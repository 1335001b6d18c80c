using System.Text;
using CivicData.Soql.Text;

namespace CivicData.Soql.Tests.Support;

/// <summary>Source text with one span marked by <c>[ ]</c>, as in minsk's tests.</summary>
public sealed record AnnotatedText(string Text, TextSpan Span)
{
    public static AnnotatedText Parse(string marked)
    {
        var text = new StringBuilder();
        int start = -1;
        int end = -1;
        foreach (char c in marked)
        {
            if (c == '[' && start < 0)
            {
                start = text.Length;
            }
            else if (c == ']' && start >= 0 && end < 0)
            {
                end = text.Length;
            }
            else
            {
                text.Append(c);
            }
        }

        if (start < 0 || end < 0)
        {
            throw new ArgumentException("Mark the expected span with [ and ].", nameof(marked));
        }

        return new AnnotatedText(text.ToString(), TextSpan.FromBounds(start, end));
    }
}
