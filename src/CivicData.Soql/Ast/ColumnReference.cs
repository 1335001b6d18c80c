using CivicData.Soql.Syntax;

namespace CivicData.Soql.Ast;

/// <summary>A column name as written: <c>make</c>, <c>`Make`</c>, <c>:id</c>.</summary>
public sealed class ColumnReference : Expression
{
    public ColumnReference(Token identifier)
        : base(identifier.Location)
    {
        Identifier = identifier;
    }

    public Token Identifier { get; }

    /// <summary>The name without back-quotes, as written.</summary>
    public string Name => (string?)Identifier.Value ?? Identifier.Text;

    public bool IsSystem => Identifier.Kind == TokenKind.SystemIdentifier;
}
