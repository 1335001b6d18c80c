using System.Diagnostics;
using CivicData.Soql.Binding.BoundNodes;

namespace CivicData.Soql.Binding;

/// <summary>Structural equality of bound expressions: how a select expression is matched to a GROUP BY expression.</summary>
public static class BoundTreeComparer
{
    public static bool AreEqual(BoundExpression a, BoundExpression b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Kind != b.Kind || a.Type != b.Type)
        {
            return false;
        }

        return (a, b) switch
        {
            (BoundColumnExpression x, BoundColumnExpression y) => x.Column == y.Column,
            (BoundLiteralExpression x, BoundLiteralExpression y) => Equals(x.Value, y.Value),
            (BoundUnaryExpression x, BoundUnaryExpression y) => x.OperatorKind == y.OperatorKind && AreEqual(x.Operand, y.Operand),
            (BoundBinaryExpression x, BoundBinaryExpression y) =>
                x.OperatorKind == y.OperatorKind && AreEqual(x.Left, y.Left) && AreEqual(x.Right, y.Right),
            (BoundFunctionCallExpression x, BoundFunctionCallExpression y) =>
                x.Function == y.Function && x.IsDistinct == y.IsDistinct && x.IsStar == y.IsStar && AllEqual(x.Arguments, y.Arguments),
            (BoundCastExpression x, BoundCastExpression y) => AreEqual(x.Operand, y.Operand),
            (BoundIsNullExpression x, BoundIsNullExpression y) => x.IsNegated == y.IsNegated && AreEqual(x.Operand, y.Operand),
            (BoundBetweenExpression x, BoundBetweenExpression y) =>
                x.IsNegated == y.IsNegated && AreEqual(x.Operand, y.Operand) && AreEqual(x.Low, y.Low) && AreEqual(x.High, y.High),
            (BoundInExpression x, BoundInExpression y) =>
                x.IsNegated == y.IsNegated && AreEqual(x.Operand, y.Operand) && AllEqual(x.Values, y.Values),
            (BoundLikeExpression x, BoundLikeExpression y) =>
                x.IsNegated == y.IsNegated && AreEqual(x.Operand, y.Operand) && AreEqual(x.Pattern, y.Pattern),
            (BoundSearchExpression x, BoundSearchExpression y) => x.Terms.SequenceEqual(y.Terms) && x.Columns.SequenceEqual(y.Columns),
            (BoundCaseExpression x, BoundCaseExpression y) => AllEqual(x.Conditions, y.Conditions) && AllEqual(x.Values, y.Values)
                && (x.ElseValue is null ? y.ElseValue is null : y.ElseValue is not null && AreEqual(x.ElseValue, y.ElseValue)),
            (BoundIntervalExpression x, BoundIntervalExpression y) =>
                x.Period == y.Period && x.IsSubtraction == y.IsSubtraction && AreEqual(x.Timestamp, y.Timestamp),
            _ => throw new UnreachableException(),
        };
    }

    private static bool AllEqual(IReadOnlyList<BoundExpression> a, IReadOnlyList<BoundExpression> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!AreEqual(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The direct children of a node, for walks that do not care about the node kind.</summary>
    public static IEnumerable<BoundExpression> Children(BoundExpression node) => node switch
    {
        BoundColumnExpression or BoundLiteralExpression or BoundSearchExpression => [],
        BoundUnaryExpression x => [x.Operand],
        BoundBinaryExpression x => [x.Left, x.Right],
        BoundFunctionCallExpression x => x.Arguments,
        BoundCastExpression x => [x.Operand],
        BoundIsNullExpression x => [x.Operand],
        BoundBetweenExpression x => [x.Operand, x.Low, x.High],
        BoundInExpression x => [x.Operand, .. x.Values],
        BoundLikeExpression x => [x.Operand, x.Pattern],
        BoundCaseExpression x => [.. x.Conditions, .. x.Values, .. x.ElseValue is null ? [] : (BoundExpression[])[x.ElseValue]],
        BoundIntervalExpression x => [x.Timestamp],
        _ => throw new UnreachableException(),
    };

    public static bool ContainsAggregate(BoundExpression node) =>
        node is BoundFunctionCallExpression { Function.IsAggregate: true } || Children(node).Any(ContainsAggregate);
}
