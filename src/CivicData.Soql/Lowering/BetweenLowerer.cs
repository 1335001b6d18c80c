using CivicData.Core.Schema;
using CivicData.Soql.Binding;
using CivicData.Soql.Binding.BoundNodes;

namespace CivicData.Soql.Lowering;

/// <summary>
/// <c>x BETWEEN a AND b</c> → <c>x &gt;= a AND x &lt;= b</c>; <c>x NOT BETWEEN a AND b</c> → <c>x &lt; a OR x &gt; b</c>.
/// Same three-valued result; the operand node is shared, so it renders with the same parameters both times.
/// </summary>
public sealed class BetweenLowerer : BoundTreeRewriter
{
    protected override BoundExpression RewriteBetween(BoundBetweenExpression node)
    {
        ArgumentNullException.ThrowIfNull(node);
        BoundExpression operand = RewriteExpression(node.Operand);
        BoundExpression low = RewriteExpression(node.Low);
        BoundExpression high = RewriteExpression(node.High);
        return node.IsNegated
            ? Binary(Binary(operand, BoundBinaryOperatorKind.Less, low), BoundBinaryOperatorKind.Or, Binary(operand, BoundBinaryOperatorKind.Greater, high))
            : Binary(Binary(operand, BoundBinaryOperatorKind.GreaterOrEqual, low), BoundBinaryOperatorKind.And, Binary(operand, BoundBinaryOperatorKind.LessOrEqual, high));

        BoundBinaryExpression Binary(BoundExpression left, BoundBinaryOperatorKind kind, BoundExpression right) =>
            new(left, kind, right, SodaType.Checkbox, node.Location);
    }
}
