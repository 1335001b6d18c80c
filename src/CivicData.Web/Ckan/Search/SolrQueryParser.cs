using System.Collections.Immutable;
using System.Text;

namespace CivicData.Web.Ckan.Search;

/// <summary>
/// Parses the Solr subset of ckan.md §4.4: <c>field:value</c>, quoted values, <c>value*</c> prefixes, <c>-</c>, <c>+</c>
/// and <c>NOT</c>, <c>AND</c>/<c>OR</c> with whitespace meaning AND, parentheses (also <c>field:(a OR b)</c>), and ranges
/// <c>[A TO B]</c> / <c>{A TO B}</c>. Anything else is a <c>Search Query Error</c>; local parameters (<c>{!...}</c>)
/// are a <c>Search Error</c>, as in CKAN.
/// </summary>
internal sealed class SolrQueryParser
{
    /// <summary>Deeper nesting than any real client sends; refused so hostile input cannot exhaust the stack.</summary>
    private const int MaxDepth = 16;

    private const int MaxLength = 8192;

    private readonly string _text;
    private readonly string _parameter;
    private int _position;
    private int _depth;

    private SolrQueryParser(string text, string parameter)
    {
        _text = text;
        _parameter = parameter;
    }

    /// <summary>The query's tree; <see cref="SolrMatchAll"/> for empty text and <c>*:*</c>.</summary>
    public static SolrNode Parse(string text, string parameter)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.TrimStart().StartsWith("{!", StringComparison.Ordinal))
        {
            throw CkanErrors.Search($"Local parameters are not allowed in {parameter}");
        }

        if (text.Length > MaxLength)
        {
            throw CkanErrors.SearchQuery($"{parameter} is longer than {MaxLength} characters");
        }

        var parser = new SolrQueryParser(text, parameter);
        parser.SkipSpace();
        if (parser.AtEnd)
        {
            return new SolrMatchAll();
        }

        SolrNode node = parser.ParseOr();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw parser.Error($"unexpected '{parser.Current}'");
        }

        return node;
    }

    private bool AtEnd => _position >= _text.Length;

    private char Current => AtEnd ? '\0' : _text[_position];

    private SolrNode ParseOr()
    {
        var operands = ImmutableArray.CreateBuilder<SolrNode>();
        operands.Add(ParseAnd());
        while (TryKeyword("OR") || TryOperator("||"))
        {
            operands.Add(ParseAnd());
        }

        return operands.Count == 1 ? operands[0] : new SolrOr(operands.ToImmutable());
    }

    private SolrNode ParseAnd()
    {
        var operands = ImmutableArray.CreateBuilder<SolrNode>();
        operands.Add(ParseUnary());
        while (true)
        {
            SkipSpace();
            if (AtEnd || Current == ')' || PeekKeyword("OR") || PeekOperator("||"))
            {
                break;
            }

            if (!TryKeyword("AND"))
            {
                TryOperator("&&");
            }

            operands.Add(ParseUnary());
        }

        return operands.Count == 1 ? operands[0] : new SolrAnd(operands.ToImmutable());
    }

    private SolrNode ParseUnary()
    {
        SkipSpace();
        if (Current == '-' || Current == '!')
        {
            _position++;
            return new SolrNot(ParsePrimary());
        }

        if (TryKeyword("NOT"))
        {
            return new SolrNot(ParseUnary());
        }

        if (Current == '+')
        {
            _position++;
        }

        return ParsePrimary();
    }

    private SolrNode ParsePrimary()
    {
        SkipSpace();
        if (AtEnd)
        {
            throw Error("a clause is missing at the end");
        }

        if (Current == '(')
        {
            return Nested(ParseOr);
        }

        if (Current == '"')
        {
            return new SolrTerm(null, ReadQuoted(), Prefix: false);
        }

        if (Current == '*' && _text.AsSpan(_position).StartsWith("*:*", StringComparison.Ordinal))
        {
            _position += 3;
            return new SolrMatchAll();
        }

        int start = _position;
        string word = ReadWord(stopAtColon: true);
        if (Current != ':')
        {
            return Term(null, word, start);
        }

        if (word.Length == 0 || !word.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
        {
            throw Error("a field name must be letters, digits and _");
        }

        _position++;
        return ParseFieldValue(word);
    }

    private SolrNode ParseFieldValue(string field)
    {
        switch (Current)
        {
            case '(':
                return Nested(() => ParseValueOr(field));
            case '"':
                return new SolrTerm(field, ReadQuoted(), Prefix: false);
            case '[' or '{':
                return ParseRange(field);
            default:
                int start = _position;
                return Term(field, ReadWord(stopAtColon: false), start);
        }
    }

    /// <summary><c>field:(a OR b c)</c>: the same grammar, every bare value applying to <paramref name="field"/>.</summary>
    private SolrNode ParseValueOr(string field)
    {
        var alternatives = ImmutableArray.CreateBuilder<SolrNode>();
        alternatives.Add(ParseValueAnd(field));
        while (TryKeyword("OR") || TryOperator("||"))
        {
            alternatives.Add(ParseValueAnd(field));
        }

        return alternatives.Count == 1 ? alternatives[0] : new SolrOr(alternatives.ToImmutable());
    }

    private SolrNode ParseValueAnd(string field)
    {
        var operands = ImmutableArray.CreateBuilder<SolrNode>();
        while (true)
        {
            SkipSpace();
            if (AtEnd || Current == ')' || PeekKeyword("OR") || PeekOperator("||"))
            {
                break;
            }

            TryKeyword("AND");
            SkipSpace();
            bool negated = false;
            if (Current == '-' || TryKeyword("NOT"))
            {
                if (Current == '-')
                {
                    _position++;
                }

                negated = true;
            }

            SolrNode value = Current == '(' ? Nested(() => ParseValueOr(field)) : ParseFieldValue(field);
            operands.Add(negated ? new SolrNot(value) : value);
        }

        return operands.Count switch
        {
            0 => throw Error("empty parentheses"),
            1 => operands[0],
            _ => new SolrAnd(operands.ToImmutable()),
        };
    }

    private SolrRange ParseRange(string field)
    {
        bool fromInclusive = Current == '[';
        _position++;
        SkipSpace();
        string from = ReadRangeValue();
        SkipSpace();
        if (!TryKeyword("TO"))
        {
            throw Error("a range needs TO between its ends");
        }

        SkipSpace();
        string to = ReadRangeValue();
        SkipSpace();
        if (Current is not (']' or '}'))
        {
            throw Error("a range must end with ] or }");
        }

        bool toInclusive = Current == ']';
        _position++;
        return new SolrRange(field, from == "*" ? null : from, to == "*" ? null : to, fromInclusive, toInclusive);
    }

    private string ReadRangeValue()
    {
        if (Current == '"')
        {
            return ReadQuoted();
        }

        int start = _position;
        while (!AtEnd && !char.IsWhiteSpace(Current) && Current is not (']' or '}'))
        {
            _position++;
        }

        if (_position == start)
        {
            throw Error("a range end is missing");
        }

        return _text[start.._position];
    }

    private SolrTerm Term(string? field, string word, int start)
    {
        if (word.Length == 0)
        {
            _position = start;
            throw Error(AtEnd ? "a value is missing at the end" : $"unexpected '{Current}'");
        }

        bool prefix = word.Length > 1 && word[^1] == '*' && (word.Length < 2 || word[^2] != '\\');
        return new SolrTerm(field, prefix ? word[..^1] : word, prefix);
    }

    /// <summary>A run of characters up to whitespace, a parenthesis or (for field names) a colon; <c>\x</c> escapes x.</summary>
    private string ReadWord(bool stopAtColon)
    {
        var word = new StringBuilder();
        while (!AtEnd)
        {
            char c = Current;
            if (char.IsWhiteSpace(c) || c is '(' or ')' || (c == ':' && stopAtColon) || c == '"')
            {
                break;
            }

            if (c == '\\' && _position + 1 < _text.Length)
            {
                word.Append(_text[_position + 1]);
                _position += 2;
                continue;
            }

            word.Append(c);
            _position++;
        }

        return word.ToString();
    }

    private string ReadQuoted()
    {
        int start = _position;
        _position++;
        var value = new StringBuilder();
        while (!AtEnd && Current != '"')
        {
            if (Current == '\\' && _position + 1 < _text.Length)
            {
                _position++;
            }

            value.Append(Current);
            _position++;
        }

        if (AtEnd)
        {
            _position = start;
            throw Error("a quoted value is not closed");
        }

        _position++;
        return value.ToString();
    }

    private SolrNode Nested(Func<SolrNode> inner)
    {
        if (++_depth > MaxDepth)
        {
            throw Error("parentheses are nested too deeply");
        }

        _position++;
        SolrNode node = inner();
        SkipSpace();
        if (Current != ')')
        {
            throw Error("a parenthesis is not closed");
        }

        _position++;
        _depth--;
        return node;
    }

    private bool PeekKeyword(string keyword) =>
        _text.AsSpan(_position).StartsWith(keyword, StringComparison.Ordinal)
        && (_position + keyword.Length == _text.Length || char.IsWhiteSpace(_text[_position + keyword.Length]) || _text[_position + keyword.Length] == '(');

    private bool TryKeyword(string keyword)
    {
        SkipSpace();
        if (!PeekKeyword(keyword))
        {
            return false;
        }

        _position += keyword.Length;
        return true;
    }

    private bool PeekOperator(string op) => _text.AsSpan(_position).StartsWith(op, StringComparison.Ordinal);

    private bool TryOperator(string op)
    {
        SkipSpace();
        if (!PeekOperator(op))
        {
            return false;
        }

        _position += op.Length;
        return true;
    }

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _position++;
        }
    }

    private Core.ValidationError Error(string problem) =>
        CkanErrors.SearchQuery($"{_parameter} at character {_position + 1}: {problem}");
}
