using System.Collections.Immutable;
using CivicData.Soql.Syntax;
using CivicData.Soql.Text;

namespace CivicData.Soql.Ast;

/// <summary><c>name(args)</c>, <c>count(*)</c>, <c>count(DISTINCT x)</c>.</summary>
public sealed class FunctionCall : Expression
{
    public FunctionCall(Token name, bool isDistinct, bool isStar, ImmutableArray<Expression> arguments, TextLocation location)
        : base(location)
    {
        Name = name;
        IsDistinct = isDistinct;
        IsStar = isStar;
        Arguments = arguments;
    }

    public Token Name { get; }

    public string FunctionName => (string?)Name.Value ?? Name.Text;

    public bool IsDistinct { get; }

    public bool IsStar { get; }

    public ImmutableArray<Expression> Arguments { get; }
}
