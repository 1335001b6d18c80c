using CivicData.Soql.Text;

namespace CivicData.Soql.Ast;

/// <summary>Base of every SoQL expression node.</summary>
public abstract class Expression : SyntaxNode
{
    protected Expression(TextLocation location)
        : base(location)
    {
    }
}
