using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CivicData.Soql.Diagnostics;
using CivicData.Soql.Text;

namespace CivicData.Soql.Syntax;

/// <summary>Turns SoQL text into tokens (soda.md §6.2). Errors go to the bag; a bad character becomes a <see cref="TokenKind.BadToken"/>.</summary>
public sealed class Lexer
{
    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;
    private int _position;

    public Lexer(SourceText source, DiagnosticBag diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
    }

    private char Current => Peek(0);

    public static ImmutableArray<Token> Tokenize(SourceText source, DiagnosticBag diagnostics)
    {
        var lexer = new Lexer(source, diagnostics);
        ImmutableArray<Token>.Builder tokens = ImmutableArray.CreateBuilder<Token>();
        Token token;
        do
        {
            token = lexer.Lex();
            tokens.Add(token);
        }
        while (token.Kind != TokenKind.EndOfFile);

        return tokens.ToImmutable();
    }

    public Token Lex()
    {
        SkipTrivia();
        int start = _position;
        if (_position >= _source.Length)
        {
            return Make(TokenKind.EndOfFile, start, null);
        }

        char c = Current;
        switch (c)
        {
            case '(':
                return Single(TokenKind.OpenParen);
            case ')':
                return Single(TokenKind.CloseParen);
            case ',':
                return Single(TokenKind.Comma);
            case '.':
                return Single(TokenKind.Dot);
            case '*':
                return Single(TokenKind.Star);
            case '+':
                return Single(TokenKind.Plus);
            case '-':
                return Single(TokenKind.Minus);
            case '/':
                return Single(TokenKind.Slash);
            case '%':
                return Single(TokenKind.Percent);
            case '^':
                return Single(TokenKind.Caret);
            case '=':
                return Peek(1) == '=' ? Double(TokenKind.EqualsEquals) : Single(TokenKind.Equals);
            case '!' when Peek(1) == '=':
                return Double(TokenKind.BangEquals);
            case '<':
                return Peek(1) switch
                {
                    '=' => Double(TokenKind.LessEquals),
                    '>' => Double(TokenKind.LessGreater),
                    _ => Single(TokenKind.Less),
                };
            case '>':
                return Peek(1) == '=' ? Double(TokenKind.GreaterEquals) : Single(TokenKind.Greater);
            case '|' when Peek(1) == '|':
                return Double(TokenKind.PipePipe);
            case '|' when Peek(1) == '>':
                return Double(TokenKind.PipeGreater);
            case ':':
                return LexColon();
            case '\'':
                return LexSingleQuotedString();
            case '"':
                return LexDoubleQuotedString();
            case '`':
                return LexQuotedIdentifier();
            default:
                if (char.IsAsciiDigit(c))
                {
                    return LexNumber();
                }

                if (SyntaxFacts.IsIdentifierStart(c))
                {
                    return LexIdentifier();
                }

                _position++;
                Token bad = Make(TokenKind.BadToken, start, null);
                _diagnostics.ReportUnexpectedCharacter(bad.Location, c);
                return bad;
        }
    }

    private char Peek(int offset)
    {
        int index = _position + offset;
        return index < _source.Length ? _source[index] : '\0';
    }

    private Token Single(TokenKind kind)
    {
        _position++;
        return Make(kind, _position - 1, null);
    }

    private Token Double(TokenKind kind)
    {
        _position += 2;
        return Make(kind, _position - 2, null);
    }

    private Token Make(TokenKind kind, int start, object? value)
    {
        var span = TextSpan.FromBounds(start, _position);
        return new Token(kind, new TextLocation(_source, span), _source.ToString(span), value);
    }

    private TextLocation LocationFrom(int start) => new(_source, TextSpan.FromBounds(start, _position));

    private void SkipTrivia()
    {
        while (_position < _source.Length)
        {
            char c = Current;
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                _position++;
            }
            else if (c == '-' && Peek(1) == '-')
            {
                while (_position < _source.Length && Current is not ('\n' or '\r'))
                {
                    _position++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                int start = _position;
                _position += 2;
                while (_position < _source.Length && !(Current == '*' && Peek(1) == '/'))
                {
                    _position++;
                }

                if (_position >= _source.Length)
                {
                    _diagnostics.ReportUnterminatedComment(LocationFrom(start));
                    return;
                }

                _position += 2;
            }
            else
            {
                return;
            }
        }
    }

    private Token LexColon()
    {
        int start = _position;
        if (Peek(1) == ':')
        {
            return Double(TokenKind.ColonColon);
        }

        if (Peek(1) == '*')
        {
            return Double(TokenKind.ColonStar);
        }

        if (SyntaxFacts.IsIdentifierStart(Peek(1)))
        {
            _position++;
            while (SyntaxFacts.IsIdentifierPart(Current))
            {
                _position++;
            }

            return Make(TokenKind.SystemIdentifier, start, _source.ToString(TextSpan.FromBounds(start, _position)));
        }

        _position++;
        Token bad = Make(TokenKind.BadToken, start, null);
        _diagnostics.ReportUnexpectedCharacter(bad.Location, ':');
        return bad;
    }

    private Token LexIdentifier()
    {
        int start = _position;
        while (SyntaxFacts.IsIdentifierPart(Current))
        {
            _position++;
        }

        string text = _source.ToString(TextSpan.FromBounds(start, _position));
        TokenKind kind = SyntaxFacts.GetKeywordKind(text);
        return Make(kind, start, kind == TokenKind.Identifier ? text : null);
    }

    private Token LexQuotedIdentifier()
    {
        int start = _position;
        _position++;
        while (_position < _source.Length && Current != '`')
        {
            _position++;
        }

        if (_position >= _source.Length)
        {
            _diagnostics.ReportUnterminatedIdentifier(LocationFrom(start));
            return Make(TokenKind.BadToken, start, null);
        }

        _position++;
        string name = _source.ToString(TextSpan.FromBounds(start + 1, _position - 1));
        if (name.Length == 0 || !name.All(SyntaxFacts.IsQuotedIdentifierPart))
        {
            _diagnostics.ReportInvalidIdentifier(LocationFrom(start));
            return Make(TokenKind.BadToken, start, null);
        }

        return Make(name[0] == ':' ? TokenKind.SystemIdentifier : TokenKind.Identifier, start, name);
    }

    private Token LexNumber()
    {
        int start = _position;
        while (char.IsAsciiDigit(Current))
        {
            _position++;
        }

        if (Current == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _position++;
            while (char.IsAsciiDigit(Current))
            {
                _position++;
            }
        }

        if (Current is 'e' or 'E' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            _position += 2;
            while (char.IsAsciiDigit(Current))
            {
                _position++;
            }
        }

        string text = _source.ToString(TextSpan.FromBounds(start, _position));
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            _diagnostics.ReportInvalidNumber(LocationFrom(start));
            return Make(TokenKind.BadToken, start, null);
        }

        return Make(TokenKind.NumberLiteral, start, value);
    }

    private Token LexSingleQuotedString()
    {
        int start = _position;
        _position++;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _source.Length)
            {
                _diagnostics.ReportUnterminatedString(LocationFrom(start));
                return Make(TokenKind.BadToken, start, null);
            }

            char c = Current;
            _position++;
            if (c == '\'')
            {
                if (Current != '\'')
                {
                    break;
                }

                _position++;
            }

            value.Append(c);
        }

        return Make(TokenKind.StringLiteral, start, value.ToString());
    }

    private Token LexDoubleQuotedString()
    {
        int start = _position;
        _position++;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _source.Length)
            {
                _diagnostics.ReportUnterminatedString(LocationFrom(start));
                return Make(TokenKind.BadToken, start, null);
            }

            char c = Current;
            _position++;
            if (c == '"')
            {
                break;
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            int escapeStart = _position - 1;
            char escape = Current;
            _position++;
            switch (escape)
            {
                case '"' or '\\' or '/':
                    value.Append(escape);
                    break;
                case 'n':
                    value.Append('\n');
                    break;
                case 't':
                    value.Append('\t');
                    break;
                case 'b':
                    value.Append('\b');
                    break;
                case 'f':
                    value.Append('\f');
                    break;
                case 'r':
                    value.Append('\r');
                    break;
                case 'u' or 'U':
                    int digits = escape == 'u' ? 4 : 6;
                    string hex = _position + digits <= _source.Length ? _source.ToString(new TextSpan(_position, digits)) : "";
                    if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int codePoint)
                        || codePoint > 0x10FFFF || (codePoint is >= 0xD800 and <= 0xDFFF && escape == 'U'))
                    {
                        _diagnostics.ReportInvalidEscape(LocationFrom(escapeStart));
                        return SkipBadString(start);
                    }

                    _position += digits;
                    value.Append(codePoint <= 0xFFFF ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint));
                    break;
                default:
                    _diagnostics.ReportInvalidEscape(LocationFrom(escapeStart));
                    return SkipBadString(start);
            }
        }

        // \uD83D\uDE00 spells one character in two escapes, but half a pair is not text any engine can store.
        string text = value.ToString();
        if (!Utf16.IsWellFormed(text))
        {
            _diagnostics.ReportInvalidEscape(LocationFrom(start));
            return Make(TokenKind.BadToken, start, null);
        }

        return Make(TokenKind.StringLiteral, start, text);
    }

    /// <summary>After a bad escape, skips to the closing quote so the rest of the string is not lexed as code.</summary>
    private Token SkipBadString(int start)
    {
        while (_position < _source.Length && Current != '"')
        {
            _position += Current == '\\' ? 2 : 1;
        }

        _position = Math.Min(_position + 1, _source.Length);
        return Make(TokenKind.BadToken, start, null);
    }
}
