using System.Collections.Immutable;
using System.Text;

namespace CivicData.Web.Ckan.DataStore;

/// <summary>
/// Cuts datastore_search_sql's text into tokens. Only what a single read-only SELECT needs is recognised; comments,
/// semicolons, dollar quoting, escape strings (E'…'), parameters ($1) and any other character are refused here, before
/// anything else looks at the text, so nothing can hide inside them.
/// </summary>
internal static class SqlTokenizer
{
    public const int MaxLength = 64 * 1024;

    private static readonly string[] s_symbols = ["<>", "!=", "<=", ">=", "||", "::", "(", ")", ",", ".", "*", "+", "-", "/", "%", "=", "<", ">"];

    public static ImmutableArray<SqlToken> Tokenize(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (sql.Length > MaxLength)
        {
            throw Query($"The query is longer than {MaxLength} characters.");
        }

        ImmutableArray<SqlToken>.Builder tokens = ImmutableArray.CreateBuilder<SqlToken>();
        int i = 0;
        while (i < sql.Length)
        {
            char c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            if (c == ';')
            {
                throw Query("Query is not a single statement.");
            }

            if ((c == '-' && Next(sql, i) == '-') || (c == '/' && Next(sql, i) == '*'))
            {
                throw Query("Comments are not allowed.");
            }

            if (c == '\'')
            {
                tokens.Add(new SqlToken(SqlTokenKind.String, ReadQuoted(sql, ref i, '\''), start));
                continue;
            }

            if (c == '"')
            {
                string name = ReadQuoted(sql, ref i, '"');
                if (name.Length == 0)
                {
                    throw Query("An empty quoted identifier is not allowed.");
                }

                tokens.Add(new SqlToken(SqlTokenKind.QuotedIdentifier, name, start));
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Next(sql, i))))
            {
                tokens.Add(new SqlToken(SqlTokenKind.Number, ReadNumber(sql, ref i), start));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < sql.Length && (char.IsAsciiLetterOrDigit(sql[i]) || sql[i] == '_'))
                {
                    i++;
                }

                if (i < sql.Length && sql[i] is '\'' or '$')
                {
                    // E'...', U&'...', B'...' and identifiers running into $ are PostgreSQL forms we do not read.
                    throw Query($"Unsupported syntax at character {start + 1}.");
                }

                tokens.Add(new SqlToken(SqlTokenKind.Word, sql[start..i], start));
                continue;
            }

            string? symbol = s_symbols.FirstOrDefault(candidate => string.CompareOrdinal(sql, i, candidate, 0, candidate.Length) == 0);
            if (symbol is null)
            {
                throw Query($"Unexpected character at character {start + 1}.");
            }

            tokens.Add(new SqlToken(SqlTokenKind.Symbol, symbol, start));
            i += symbol.Length;
        }

        return tokens.ToImmutable();
    }

    /// <summary>The 409 Validation Error CKAN gives for a query it cannot run, keyed <c>query</c>.</summary>
    public static Core.ValidationError Query(string message) => CkanErrors.Invalid("query", message);

    private static char Next(string sql, int i) => i + 1 < sql.Length ? sql[i + 1] : '\0';

    private static string ReadQuoted(string sql, ref int i, char quote)
    {
        int start = i;
        var value = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= sql.Length)
            {
                throw Query($"Unterminated {(quote == '"' ? "quoted identifier" : "string")} at character {start + 1}.");
            }

            if (sql[i] == quote)
            {
                if (Next(sql, i) == quote)
                {
                    value.Append(quote);
                    i += 2;
                    continue;
                }

                i++;
                return value.ToString();
            }

            if (sql[i] == '\0')
            {
                throw Query("NUL characters are not allowed.");
            }

            value.Append(sql[i++]);
        }
    }

    private static string ReadNumber(string sql, ref int i)
    {
        int start = i;
        while (i < sql.Length && char.IsAsciiDigit(sql[i]))
        {
            i++;
        }

        if (i < sql.Length && sql[i] == '.' && char.IsAsciiDigit(Next(sql, i)))
        {
            i++;
            while (i < sql.Length && char.IsAsciiDigit(sql[i]))
            {
                i++;
            }
        }

        if (i < sql.Length && sql[i] is 'e' or 'E')
        {
            int exponent = i + 1;
            if (exponent < sql.Length && sql[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < sql.Length && char.IsAsciiDigit(sql[exponent]))
            {
                i = exponent;
                while (i < sql.Length && char.IsAsciiDigit(sql[i]))
                {
                    i++;
                }
            }
        }

        if (i < sql.Length && (char.IsAsciiLetter(sql[i]) || sql[i] == '_'))
        {
            throw Query($"Unexpected character after a number at character {i + 1}.");
        }

        return sql[start..i];
    }
}
