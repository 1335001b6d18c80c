using System.Collections.Immutable;
using System.Diagnostics;
using CivicData.Soql.Binding.BoundNodes;

namespace CivicData.Soql.Lowering;

/// <summary>
/// Walks a bound query and rebuilds only what changed (minsk's BoundTreeRewriter): every method returns the same
/// instance when nothing below it changed, so an unchanged tree costs no allocation and keeps its identities.
/// </summary>
public abstract class BoundTreeRewriter
{
    public BoundQuery RewriteQuery(BoundQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        BoundQuery? source = query.Source is null ? null : RewriteQuery(query.Source);
        ImmutableArray<BoundSelectItem> select = RewriteList(query.Select, item =>
        {
            BoundExpression expression = RewriteExpression(item.Expression);
            return ReferenceEquals(expression, item.Expression) ? item : new BoundSelectItem(expression, item.Name);
        });
        BoundExpression? where = query.Where is null ? null : RewriteExpression(query.Where);
        ImmutableArray<BoundExpression> groupBy = RewriteList(query.GroupBy, RewriteExpression);
        BoundExpression? having = query.Having is null ? null : RewriteExpression(query.Having);
        ImmutableArray<BoundOrderItem> orderBy = RewriteList(query.OrderBy, item =>
        {
            BoundExpression expression = RewriteExpression(item.Expression);
            return ReferenceEquals(expression, item.Expression) ? item : new BoundOrderItem(expression, item.IsDescending, item.NullsFirst);
        });

        if (ReferenceEquals(source, query.Source) && select == query.Select && ReferenceEquals(where, query.Where)
            && groupBy == query.GroupBy && ReferenceEquals(having, query.Having) && orderBy == query.OrderBy)
        {
            return query;
        }

        return new BoundQuery(query.Table, select, where, groupBy, having, orderBy, query.IsAggregated, query.Limit, query.Offset,
            query.IsDistinct, source, query.SourceColumns);
    }

    public virtual BoundExpression RewriteExpression(BoundExpression node) => node switch
    {
        BoundColumnExpression or BoundLiteralExpression or BoundSearchExpression => node,
        BoundUnaryExpression x => RewriteUnary(x),
        BoundBinaryExpression x => RewriteBinary(x),
        BoundFunctionCallExpression x => RewriteFunctionCall(x),
        BoundCastExpression x => RewriteCast(x),
        BoundIsNullExpression x => RewriteIsNull(x),
        BoundBetweenExpression x => RewriteBetween(x),
        BoundInExpression x => RewriteIn(x),
        BoundLikeExpression x => RewriteLike(x),
        BoundCaseExpression x => RewriteCase(x),
        BoundIntervalExpression x => RewriteInterval(x),
        _ => throw new UnreachableException(),
    };

    protected virtual BoundExpression RewriteUnary(BoundUnaryExpression node)
    {
        BoundExpression operand = RewriteExpression(node.Operand);
        return ReferenceEquals(operand, node.Operand) ? node : new BoundUnaryExpression(node.OperatorKind, operand, node.Type, node.Location);
    }

    protected virtual BoundExpression RewriteBinary(BoundBinaryExpression node)
    {
        BoundExpression left = RewriteExpression(node.Left);
        BoundExpression right = RewriteExpression(node.Right);
        return ReferenceEquals(left, node.Left) && ReferenceEquals(right, node.Right)
            ? node
            : new BoundBinaryExpression(left, node.OperatorKind, right, node.Type, node.Location);
    }

    protected virtual BoundExpression RewriteFunctionCall(BoundFunctionCallExpression node)
    {
        ImmutableArray<BoundExpression> arguments = RewriteList(node.Arguments, RewriteExpression);
        return arguments == node.Arguments
            ? node
            : new BoundFunctionCallExpression(node.Function, arguments, node.IsDistinct, node.IsStar, node.Type, node.Location);
    }

    protected virtual BoundExpression RewriteCast(BoundCastExpression node)
    {
        BoundExpression operand = RewriteExpression(node.Operand);
        return ReferenceEquals(operand, node.Operand) ? node : new BoundCastExpression(operand, node.Type, node.Location);
    }

    protected virtual BoundExpression RewriteIsNull(BoundIsNullExpression node)
    {
        BoundExpression operand = RewriteExpression(node.Operand);
        return ReferenceEquals(operand, node.Operand) ? node : new BoundIsNullExpression(operand, node.IsNegated, node.Location);
    }

    protected virtual BoundExpression RewriteBetween(BoundBetweenExpression node)
    {
        BoundExpression operand = RewriteExpression(node.Operand);
        BoundExpression low = RewriteExpression(node.Low);
        BoundExpression high = RewriteExpression(node.High);
        return ReferenceEquals(operand, node.Operand) && ReferenceEquals(low, node.Low) && ReferenceEquals(high, node.High)
            ? node
            : new BoundBetweenExpression(operand, node.IsNegated, low, high, node.Location);
    }

    protected virtual BoundExpression RewriteIn(BoundInExpression node)
    {
        BoundExpression operand = RewriteExpression(node.Operand);
        ImmutableArray<BoundExpression> values = RewriteList(node.Values, RewriteExpression);
        return ReferenceEquals(operand, node.Operand) && values == node.Values
            ? node
            : new BoundInExpression(operand, node.IsNegated, values, node.Location);
    }

    protected virtual BoundExpression RewriteLike(BoundLikeExpression node)
    {
        BoundExpression operand = RewriteExpression(node.Operand);
        BoundExpression pattern = RewriteExpression(node.Pattern);
        return ReferenceEquals(operand, node.Operand) && ReferenceEquals(pattern, node.Pattern)
            ? node
            : new BoundLikeExpression(operand, node.IsNegated, pattern, node.Location);
    }

    protected virtual BoundExpression RewriteCase(BoundCaseExpression node)
    {
        ImmutableArray<BoundExpression> conditions = RewriteList(node.Conditions, RewriteExpression);
        ImmutableArray<BoundExpression> values = RewriteList(node.Values, RewriteExpression);
        BoundExpression? elseValue = node.ElseValue is null ? null : RewriteExpression(node.ElseValue);
        return conditions == node.Conditions && values == node.Values && ReferenceEquals(elseValue, node.ElseValue)
            ? node
            : new BoundCaseExpression(conditions, values, elseValue, node.Type, node.Location);
    }

    protected virtual BoundExpression RewriteInterval(BoundIntervalExpression node)
    {
        BoundExpression timestamp = RewriteExpression(node.Timestamp);
        return ReferenceEquals(timestamp, node.Timestamp) ? node : new BoundIntervalExpression(timestamp, node.Period, node.IsSubtraction, node.Location);
    }

    /// <summary>Rewrites each item; returns the same array when every item came back unchanged.</summary>
    protected static ImmutableArray<T> RewriteList<T>(ImmutableArray<T> items, Func<T, T> rewrite)
        where T : class
    {
        ImmutableArray<T>.Builder? builder = null;
        for (int i = 0; i < items.Length; i++)
        {
            T rewritten = rewrite(items[i]);
            if (builder is null && !ReferenceEquals(rewritten, items[i]))
            {
                builder = ImmutableArray.CreateBuilder<T>(items.Length);
                builder.AddRange(items, i);
            }

            builder?.Add(rewritten);
        }

        return builder is null ? items : builder.MoveToImmutable();
    }
}
