using System.Collections.Frozen;

namespace CivicData.Soql.Syntax;

/// <summary>Keyword and operator tables.</summary>
public static class SyntaxFacts
{
    private static readonly FrozenDictionary<string, TokenKind> s_keywords = new Dictionary<string, TokenKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["select"] = TokenKind.SelectKeyword,
        ["distinct"] = TokenKind.DistinctKeyword,
        ["as"] = TokenKind.AsKeyword,
        ["from"] = TokenKind.FromKeyword,
        ["where"] = TokenKind.WhereKeyword,
        ["group"] = TokenKind.GroupKeyword,
        ["by"] = TokenKind.ByKeyword,
        ["having"] = TokenKind.HavingKeyword,
        ["order"] = TokenKind.OrderKeyword,
        ["asc"] = TokenKind.AscKeyword,
        ["desc"] = TokenKind.DescKeyword,
        ["null"] = TokenKind.NullKeyword,
        ["nulls"] = TokenKind.NullsKeyword,
        ["first"] = TokenKind.FirstKeyword,
        ["last"] = TokenKind.LastKeyword,
        ["limit"] = TokenKind.LimitKeyword,
        ["offset"] = TokenKind.OffsetKeyword,
        ["search"] = TokenKind.SearchKeyword,
        ["and"] = TokenKind.AndKeyword,
        ["or"] = TokenKind.OrKeyword,
        ["not"] = TokenKind.NotKeyword,
        ["is"] = TokenKind.IsKeyword,
        ["in"] = TokenKind.InKeyword,
        ["like"] = TokenKind.LikeKeyword,
        ["between"] = TokenKind.BetweenKeyword,
        ["true"] = TokenKind.TrueKeyword,
        ["false"] = TokenKind.FalseKeyword,
        ["case"] = TokenKind.CaseKeyword,
        ["when"] = TokenKind.WhenKeyword,
        ["then"] = TokenKind.ThenKeyword,
        ["else"] = TokenKind.ElseKeyword,
        ["end"] = TokenKind.EndKeyword,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static TokenKind GetKeywordKind(string text) =>
        s_keywords.TryGetValue(text, out TokenKind kind) ? kind : TokenKind.Identifier;

    /// <summary>
    /// Keywords that only mean something after an ORDER BY item; elsewhere they name columns
    /// (datasets do have fields called <c>first</c> or <c>last</c>).
    /// </summary>
    public static bool IsContextualKeyword(TokenKind kind) =>
        kind is TokenKind.AscKeyword or TokenKind.DescKeyword or TokenKind.NullsKeyword or TokenKind.FirstKeyword or TokenKind.LastKeyword;

    /// <summary>The fixed text of a punctuation or keyword token, or null for tokens whose text varies.</summary>
    public static string? GetText(TokenKind kind) => kind switch
    {
        TokenKind.OpenParen => "(",
        TokenKind.CloseParen => ")",
        TokenKind.Comma => ",",
        TokenKind.Dot => ".",
        TokenKind.Star => "*",
        TokenKind.ColonStar => ":*",
        TokenKind.ColonColon => "::",
        TokenKind.Plus => "+",
        TokenKind.Minus => "-",
        TokenKind.Slash => "/",
        TokenKind.Percent => "%",
        TokenKind.Caret => "^",
        TokenKind.PipePipe => "||",
        TokenKind.PipeGreater => "|>",
        TokenKind.Equals => "=",
        TokenKind.EqualsEquals => "==",
        TokenKind.BangEquals => "!=",
        TokenKind.LessGreater => "<>",
        TokenKind.Less => "<",
        TokenKind.LessEquals => "<=",
        TokenKind.Greater => ">",
        TokenKind.GreaterEquals => ">=",
        _ => s_keywords.FirstOrDefault(pair => pair.Value == kind).Key?.ToUpperInvariant(),
    };

    /// <summary>Precedence of a binary operator token (higher binds tighter), or 0 if it is not one.</summary>
    /// <remarks>soda.md §6.3; OR, AND, NOT and the IS/BETWEEN/LIKE/IN predicates are parsed by their own methods.</remarks>
    public static int GetBinaryOperatorPrecedence(TokenKind kind) => kind switch
    {
        TokenKind.Caret => 4,
        TokenKind.Star or TokenKind.Slash or TokenKind.Percent => 3,
        TokenKind.Plus or TokenKind.Minus or TokenKind.PipePipe => 2,
        TokenKind.Equals or TokenKind.EqualsEquals or TokenKind.BangEquals or TokenKind.LessGreater
            or TokenKind.Less or TokenKind.LessEquals or TokenKind.Greater or TokenKind.GreaterEquals => 1,
        _ => 0,
    };

    public static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    public static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';

    /// <summary>Characters allowed inside a back-quoted identifier.</summary>
    public static bool IsQuotedIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or ':' or '@';
}
