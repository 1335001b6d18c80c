namespace CivicData.Web.Ckan.DataStore;

/// <summary>One token of the PostgreSQL-style SQL datastore_search_sql accepts.</summary>
/// <param name="Text">Identifier or keyword as written, a quoted identifier's name, a string's value, a number, an operator.</param>
internal sealed record SqlToken(SqlTokenKind Kind, string Text, int Position)
{
    public bool IsWord(string word) => Kind == SqlTokenKind.Word && Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == SqlTokenKind.Symbol && Text == symbol;
}

internal enum SqlTokenKind
{
    /// <summary>An unquoted identifier or keyword.</summary>
    Word,

    /// <summary>A "double-quoted" identifier.</summary>
    QuotedIdentifier,

    /// <summary>A 'single-quoted' string.</summary>
    String,

    Number,

    /// <summary>Punctuation and operators: ( ) , . * + - / % = &lt;&gt; != &lt; &lt;= &gt; &gt;= || ::</summary>
    Symbol,
}
