using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using CivicData.Soql.Functions;

namespace CivicData.Web.Ckan.DataStore;

/// <summary>
/// datastore_search_sql's SQL → a SoQL statement (ckan.md §5.2). Only one
/// <c>SELECT … FROM "&lt;resource_id&gt;" [WHERE …] [GROUP BY …] [HAVING …] [ORDER BY …] [LIMIT n] [OFFSET n]</c> is
/// accepted: the table goes, double-quoted identifiers become back-quoted SoQL identifiers (<c>"_id"</c> becomes
/// <c>:id</c>), strings become SoQL strings, and every function must be a SoQL function. The SoQL compiler then checks
/// every name against the resource's schema and makes every value a parameter, as it does for SODA.
/// </summary>
internal static class SqlToSoqlTranslator
{
    /// <summary>Statements that would change something: refused as not authorised (403), never run.</summary>
    private static readonly FrozenSet<string> s_writing = new[]
    {
        "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "REPLACE", "DROP", "CREATE", "ALTER", "TRUNCATE", "GRANT", "REVOKE",
        "COPY", "SET", "RESET", "CALL", "DO", "EXECUTE", "PREPARE", "DEALLOCATE", "LISTEN", "NOTIFY", "VACUUM", "ANALYZE",
        "ATTACH", "DETACH", "PRAGMA", "INSTALL", "LOAD", "EXPORT", "IMPORT", "CHECKPOINT", "INTO", "LOCK", "COMMENT",
        "SECURITY", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "CLUSTER", "REINDEX", "REFRESH", "DISCARD",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Reading constructs beyond one SELECT over one table: refused as invalid (409).</summary>
    private static readonly FrozenSet<string> s_unsupported = new[]
    {
        "JOIN", "UNION", "INTERSECT", "EXCEPT", "WITH", "RECURSIVE", "LATERAL", "WINDOW", "OVER", "PARTITION", "RETURNING",
        "FETCH", "FOR", "USING", "ON", "NATURAL", "CROSS", "INNER", "OUTER", "FULL", "TABLESAMPLE", "VALUES", "TABLE",
        "EXISTS", "ANY", "ALL", "SOME", "FILTER", "WITHIN", "QUALIFY", "PIVOT", "UNPIVOT", "SHOW", "DESCRIBE", "EXPLAIN",
        "SUMMARIZE", "ILIKE", "SIMILAR", "ARRAY", "ROW",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that may stand before "(" without being a function call.</summary>
    private static readonly FrozenSet<string> s_keywordsBeforeParen = new[]
    {
        "SELECT", "DISTINCT", "WHERE", "HAVING", "BY", "AND", "OR", "NOT", "IN", "IS", "LIKE", "BETWEEN", "CASE", "WHEN",
        "THEN", "ELSE", "AS", "ASC", "DESC", "LIMIT", "OFFSET", "NULL", "TRUE", "FALSE",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_afterTable = new[] { "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The resource named after FROM, and the SoQL statement for it.</summary>
    public static (string ResourceId, string Soql) Translate(string sql)
    {
        ImmutableArray<SqlToken> tokens = SqlTokenizer.Tokenize(sql);
        if (tokens.IsEmpty)
        {
            throw CkanErrors.Missing("sql");
        }

        int from = Check(tokens);
        SqlToken table = tokens[from + 1];
        if (from + 2 < tokens.Length && !(tokens[from + 2].Kind == SqlTokenKind.Word && s_afterTable.Contains(tokens[from + 2].Text.ToUpperInvariant())))
        {
            throw SqlTokenizer.Query("Only one resource, without an alias, may follow FROM; then WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET.");
        }

        var soql = new StringBuilder();
        for (int i = 0; i < tokens.Length; i++)
        {
            if (i == from)
            {
                i++;
                continue;
            }

            // CKAN's SELECT * includes _id; SoQL's * is the user columns, so put :id first.
            if (i == 1 && tokens[i].IsSymbol("*"))
            {
                soql.Append(" :id, *");
                continue;
            }

            soql.Append(' ').Append(ToSoql(tokens[i]));
        }

        return (table.Text, soql.ToString().Trim());
    }

    /// <summary>Refuses everything but one SELECT over one table and returns the position of its FROM.</summary>
    private static int Check(ImmutableArray<SqlToken> tokens)
    {
        int from = -1;
        int depth = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            SqlToken token = tokens[i];
            if (token.IsSymbol("("))
            {
                depth++;
            }
            else if (token.IsSymbol(")"))
            {
                depth--;
            }

            bool callsFunction = i + 1 < tokens.Length && tokens[i + 1].IsSymbol("(");
            if (token.Kind == SqlTokenKind.QuotedIdentifier)
            {
                CheckSystemName(token.Text);
                if (callsFunction)
                {
                    throw CkanErrors.Denied($"Not authorized to call function {token.Text}");
                }

                continue;
            }

            if (token.Kind != SqlTokenKind.Word)
            {
                continue;
            }

            string word = token.Text.ToUpperInvariant();
            CheckSystemName(token.Text);
            if (s_writing.Contains(word))
            {
                throw CkanErrors.Denied($"Not authorized to run {word}: only a SELECT can be run");
            }

            if (s_unsupported.Contains(word))
            {
                throw SqlTokenizer.Query($"{word} is not supported: send one SELECT over one resource.");
            }

            if (word == "SELECT" && i != 0)
            {
                throw SqlTokenizer.Query("Sub-selects are not supported: send one SELECT over one resource.");
            }

            if (word == "FROM")
            {
                if (from >= 0 || depth != 0)
                {
                    throw SqlTokenizer.Query("Only one FROM is supported: send one SELECT over one resource.");
                }

                from = i;
                continue;
            }

            if (callsFunction && !s_keywordsBeforeParen.Contains(word) && FunctionCatalog.Default.Lookup(token.Text).IsEmpty)
            {
                throw CkanErrors.Denied($"Not authorized to call function {token.Text}");
            }
        }

        if (!tokens[0].IsWord("SELECT"))
        {
            throw SqlTokenizer.Query("Only SELECT statements are supported.");
        }

        if (depth != 0)
        {
            throw SqlTokenizer.Query("The parentheses do not match.");
        }

        if (from < 0 || from + 1 >= tokens.Length || tokens[from + 1].Kind is not (SqlTokenKind.QuotedIdentifier or SqlTokenKind.Word))
        {
            throw SqlTokenizer.Query("The query must read FROM one resource, named by its id in double quotes.");
        }

        return from;
    }

    /// <summary>Catalogs and system tables of any engine we might run on are refused as not authorised.</summary>
    private static void CheckSystemName(string name)
    {
        string lower = name.ToLowerInvariant();
        if (lower.StartsWith("pg_", StringComparison.Ordinal) || lower.StartsWith("sqlite_", StringComparison.Ordinal)
            || lower.StartsWith("duckdb_", StringComparison.Ordinal) || lower is "information_schema" or "_table_metadata"
            || lower is "main" or "temp" or "system")
        {
            throw CkanErrors.Denied("Not authorized to access system tables");
        }
    }

    private static string ToSoql(SqlToken token) => token.Kind switch
    {
        SqlTokenKind.QuotedIdentifier when token.Text == DatastoreColumns.RowId => Core.Schema.SystemColumns.Id,
        SqlTokenKind.QuotedIdentifier when token.Text.Contains('`', StringComparison.Ordinal) => throw SqlTokenizer.Query($"Column \"{token.Text}\" does not exist."),
        SqlTokenKind.QuotedIdentifier => "`" + token.Text + "`",
        SqlTokenKind.String => SoqlText.Literal(token.Text),
        _ => token.Text,
    };
}
