using System.Collections.Immutable;
using System.Diagnostics;
using CivicData.Soql.Ast;

namespace CivicData.Soql.Syntax;

/// <summary>Measures expression depth without recursing further than the limit.</summary>
public static class SyntaxDepth
{
    public static bool Exceeds(Expression expression, int limit)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Depth(expression, limit) > limit;
    }

    private static int Depth(Expression expression, int remaining)
    {
        if (remaining < 0)
        {
            return 1;
        }

        int deepest = 0;
        foreach (Expression child in Children(expression))
        {
            deepest = Math.Max(deepest, Depth(child, remaining - 1));
            if (deepest > remaining)
            {
                break;
            }
        }

        return deepest + 1;
    }

    private static ImmutableArray<Expression> Children(Expression expression) => expression switch
    {
        ColumnReference or LiteralExpression => [],
        ParenthesizedExpression x => [x.Inner],
        UnaryExpression x => [x.Operand],
        BinaryExpression x => [x.Left, x.Right],
        FunctionCall x => x.Arguments,
        CastExpression x => [x.Operand],
        IsNullExpression x => [x.Operand],
        BetweenExpression x => [x.Operand, x.Low, x.High],
        InExpression x => [x.Operand, .. x.Values],
        LikeExpression x => [x.Operand, x.Pattern],
        FieldAccessExpression x => [x.Operand],
        CaseExpression x => [.. x.WhenClauses.SelectMany(clause => (Expression[])[clause.Condition, clause.Value]), .. x.ElseValue is null ? [] : (Expression[])[x.ElseValue]],
        _ => throw new UnreachableException(),
    };
}
