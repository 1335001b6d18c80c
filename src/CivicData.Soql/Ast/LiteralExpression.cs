using CivicData.Soql.Syntax;

namespace CivicData.Soql.Ast;

/// <summary>A string, number, boolean or null literal.</summary>
public sealed class LiteralExpression : Expression
{
    public LiteralExpression(Token token, LiteralKind kind, object? value)
        : base(token.Location)
    {
        Token = token;
        Kind = kind;
        Value = value;
    }

    public Token Token { get; }

    public LiteralKind Kind { get; }

    /// <summary>string, double, bool or null.</summary>
    public object? Value { get; }
}
