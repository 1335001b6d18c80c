using CivicData.Soql.Text;

namespace CivicData.Soql.Syntax;

/// <summary>One lexed token.</summary>
/// <param name="Text">The characters as written.</param>
/// <param name="Value">The decoded value: a string for string literals and identifiers (without back-quotes), a double for numbers.</param>
public sealed record Token(TokenKind Kind, TextLocation Location, string Text, object? Value)
{
    public TextSpan Span => Location.Span;
}
