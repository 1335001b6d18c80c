using CivicData.Soql.Text;

namespace CivicData.Soql.Binding.BoundNodes;

/// <summary>
/// <c>ts + 'P1M2DT3H'</c>, <c>ts - ...</c> and <c>date_add(ts, ...)</c>: a timestamp moved by an ISO-8601 period that was
/// read at compile time. Months and days are calendar steps; <see cref="Seconds"/> is exact time.
/// </summary>
public sealed class BoundIntervalExpression(BoundExpression timestamp, Period period, bool isSubtraction, TextLocation? location)
    : BoundExpression(timestamp.Type, location)
{
    public override BoundNodeKind Kind => BoundNodeKind.Interval;

    public BoundExpression Timestamp { get; } = timestamp;

    public Period Period { get; } = period;

    public bool IsSubtraction { get; } = isSubtraction;
}
