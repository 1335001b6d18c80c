using CivicData.Soql.Diagnostics;
using CivicData.Soql.Syntax;
using CivicData.Soql.Tests.Support;
using CivicData.Soql.Text;

namespace CivicData.Soql.Tests.Syntax;

public sealed class LexerTests
{
    public static TheoryData<TokenKind> FixedTokens()
    {
        TheoryData<TokenKind> data = [];
        foreach (TokenKind kind in Enum.GetValues<TokenKind>())
        {
            if (SyntaxFacts.GetText(kind) is not null)
            {
                data.Add(kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixedTokens))]
    public void Every_fixed_token_lexes_back_to_its_kind(TokenKind kind)
    {
        string text = SyntaxFacts.GetText(kind)!;
        Token[] tokens = Lex(text);

        Assert.Equal(2, tokens.Length);
        Assert.Equal(kind, tokens[0].Kind);
        Assert.Equal(text, tokens[0].Text);
    }

    [Fact]
    public void Keywords_are_case_insensitive()
    {
        Assert.Equal(TokenKind.SelectKeyword, Lex("SeLeCt")[0].Kind);
        Assert.Equal(TokenKind.NullsKeyword, Lex("NULLS")[0].Kind);
    }

    [Theory]
    [InlineData("'Bob''s'", "Bob's")]
    [InlineData("\"say \\\"hi\\\" \\u00e9\"", "say \"hi\" é")]
    [InlineData("''", "")]
    public void String_literals_decode_their_escapes(string text, string expected)
    {
        Token token = Lex(text)[0];

        Assert.Equal(TokenKind.StringLiteral, token.Kind);
        Assert.Equal(expected, token.Value);
    }

    [Theory]
    [InlineData("42", 42d)]
    [InlineData("3.25", 3.25d)]
    [InlineData("1e3", 1000d)]
    [InlineData("2.5E-1", 0.25d)]
    public void Numbers_lex_to_doubles(string text, double expected)
    {
        Token token = Lex(text)[0];

        Assert.Equal(TokenKind.NumberLiteral, token.Kind);
        Assert.Equal(expected, token.Value);
    }

    [Fact]
    public void Back_quoted_identifiers_and_system_fields_keep_their_names()
    {
        Token[] tokens = Lex("`my-field` :id `:updated_at`");

        Assert.Equal((TokenKind.Identifier, "my-field"), (tokens[0].Kind, tokens[0].Value));
        Assert.Equal((TokenKind.SystemIdentifier, ":id"), (tokens[1].Kind, tokens[1].Value));
        Assert.Equal((TokenKind.SystemIdentifier, ":updated_at"), (tokens[2].Kind, tokens[2].Value));
    }

    [Fact]
    public void Comments_are_skipped()
    {
        Token[] tokens = Lex("a -- comment\n/* block */ b");

        Assert.Equal(["a", "b", ""], tokens.Select(token => token.Text));
    }

    [Theory]
    [InlineData("a [;] b", "Unexpected character ';'.")]
    [InlineData("[`a\"b`]", "Quoted identifiers may hold only letters, digits, '_', '-', ':' and '@'.")]
    [InlineData("x = ['abc]", "Unterminated string literal.")]
    [InlineData("x [/* never closed]", "Unterminated comment.")]
    [InlineData("\"[\\q]\"", "Invalid escape sequence in string literal.")]
    [InlineData("x = [\"\\uD800 half a pair\"]", "Invalid escape sequence in string literal.")]
    public void Lexer_errors_point_at_the_bad_text(string marked, string message)
    {
        AnnotatedText annotated = AnnotatedText.Parse(marked);
        var bag = new DiagnosticBag();
        Lexer.Tokenize(SourceText.From(annotated.Text, "$where"), bag);

        Diagnostic diagnostic = Assert.Single(bag);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(DiagnosticCode.Malformed, diagnostic.Code);
        Assert.Equal(annotated.Span, diagnostic.Location!.Value.Span);
    }

    [Fact]
    public void A_surrogate_pair_spelled_in_two_escapes_is_one_character()
    {
        Token[] tokens = Lex("\"\\uD83D\\uDE00\"");

        Assert.Equal("\U0001F600", tokens[0].Value);
    }

    private static Token[] Lex(string text)
    {
        var bag = new DiagnosticBag();
        Token[] tokens = [.. Lexer.Tokenize(SourceText.From(text, "$where"), bag)];
        Assert.Empty(bag);
        return tokens;
    }
}
