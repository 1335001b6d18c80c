using CivicData.Soql.Text;

namespace CivicData.Soql.Ast;

/// <summary><c>( expr )</c>, kept so that spans and printing follow the source.</summary>
public sealed class ParenthesizedExpression : Expression
{
    public ParenthesizedExpression(Expression inner, TextLocation location)
        : base(location)
    {
        Inner = inner;
    }

    public Expression Inner { get; }
}
