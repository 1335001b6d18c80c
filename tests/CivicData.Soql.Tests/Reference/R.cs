using CivicData.Soql.Tests.Engines;

namespace CivicData.Soql.Tests.Reference;

/// <summary>Builds reference expressions: terse factories so each case reads like its SoQL.</summary>
public static class R
{
    public static RefExpr Col(string fieldName) => c => c.Row[fieldName];

    public static RefExpr Id { get; } = c => c.Row.Id;

    public static RefExpr Lit(object? value) => _ => value is int i ? (double)i : value;

    public static RefExpr Null { get; } = _ => null;

    // Comparisons and logic, three-valued.
    public static RefExpr Cmp(RefExpr left, string op, RefExpr right) => c => RefValues.Compare(op, left(c), right(c));

    public static RefExpr Cmp(string column, string op, object value) => Cmp(Col(column), op, Lit(value));

    public static RefExpr And(params RefExpr[] operands) => c =>
    {
        bool sawNull = false;
        foreach (RefExpr operand in operands)
        {
            switch ((bool?)operand(c))
            {
                case false:
                    return false;
                case null:
                    sawNull = true;
                    break;
            }
        }

        return sawNull ? null : true;
    };

    public static RefExpr Or(params RefExpr[] operands) => c =>
    {
        bool sawNull = false;
        foreach (RefExpr operand in operands)
        {
            switch ((bool?)operand(c))
            {
                case true:
                    return true;
                case null:
                    sawNull = true;
                    break;
            }
        }

        return sawNull ? null : false;
    };

    public static RefExpr Not(RefExpr operand) => c => (bool?)operand(c) is { } b ? !b : null;

    public static RefExpr IsNull(RefExpr operand) => c => operand(c) is null;

    public static RefExpr IsNotNull(RefExpr operand) => c => operand(c) is not null;

    public static RefExpr In(RefExpr operand, params object?[] values) => Or([.. values.Select(v => Cmp(operand, "=", Lit(v)))]);

    public static RefExpr NotIn(RefExpr operand, params object?[] values) => Not(In(operand, values));

    public static RefExpr Between(RefExpr operand, object low, object high) => And(Cmp(operand, ">=", Lit(low)), Cmp(operand, "<=", Lit(high)));

    public static RefExpr NotBetween(RefExpr operand, object low, object high) => Not(Between(operand, low, high));

    public static RefExpr Like(RefExpr operand, string pattern) => c => operand(c) is string s ? RefValues.Like(s, pattern) : null;

    public static RefExpr NotLike(RefExpr operand, string pattern) => Not(Like(operand, pattern));

    // Arithmetic and text.
    public static RefExpr Add(RefExpr left, RefExpr right) => Numeric(left, right, (a, b) => a + b);

    public static RefExpr Sub(RefExpr left, RefExpr right) => Numeric(left, right, (a, b) => a - b);

    public static RefExpr Mul(RefExpr left, RefExpr right) => Numeric(left, right, (a, b) => a * b);

    public static RefExpr Div(RefExpr left, RefExpr right) => Numeric(left, right, (a, b) => a / b);

    /// <summary>Modulo with the sign of the dividend, as C# and SQL both define it.</summary>
    public static RefExpr Mod(RefExpr left, RefExpr right) => Numeric(left, right, (a, b) => a % b);

    public static RefExpr Pow(RefExpr left, RefExpr right) => Numeric(left, right, Math.Pow);

    public static RefExpr Neg(RefExpr operand) => c => operand(c) is double d ? -d : null;

    public static RefExpr Concat(RefExpr left, RefExpr right) => c =>
        left(c) is { } a && right(c) is { } b ? RefValues.ToText(a) + RefValues.ToText(b) : null;

    public static RefExpr Upper(RefExpr operand) => c => (operand(c) as string)?.ToUpperInvariant();

    public static RefExpr Lower(RefExpr operand) => c => (operand(c) as string)?.ToLowerInvariant();

    public static RefExpr TruncYmd(RefExpr operand) => c => operand(c) is DateTime t ? t.Date : null;

    public static RefExpr TruncYm(RefExpr operand) => c => operand(c) is DateTime t ? new DateTime(t.Year, t.Month, 1) : null;

    public static RefExpr TruncY(RefExpr operand) => c => operand(c) is DateTime t ? new DateTime(t.Year, 1, 1) : null;

    /// <summary>within_box(point, nw_lat, nw_lon, se_lat, se_lon): lat ∈ [se_lat, nw_lat], lon ∈ [nw_lon, se_lon].</summary>
    public static RefExpr WithinBox(RefExpr point, double nwLat, double nwLon, double seLat, double seLon) => c =>
        point(c) is TestPoint p ? p.Lat >= seLat && p.Lat <= nwLat && p.Lon >= nwLon && p.Lon <= seLon : null;

    // Aggregates: over the context's group.
    public static RefExpr CountStar { get; } = c => (double)c.Group.Count;

    public static RefExpr Count(RefExpr operand) => c => (double)Values(operand, c).Count();

    public static RefExpr CountDistinct(RefExpr operand) => c => (double)Values(operand, c).Distinct().Count();

    public static RefExpr Sum(RefExpr operand) => c => Values(operand, c).Cast<double>().ToList() is { Count: > 0 } v ? v.Sum() : null;

    public static RefExpr Avg(RefExpr operand) => c => Values(operand, c).Cast<double>().ToList() is { Count: > 0 } v ? v.Average() : null;

    public static RefExpr Min(RefExpr operand) => c => Values(operand, c).ToList() is { Count: > 0 } v ? v.Aggregate((a, b) => RefValues.Compare(a, b) <= 0 ? a : b) : null;

    public static RefExpr Max(RefExpr operand) => c => Values(operand, c).ToList() is { Count: > 0 } v ? v.Aggregate((a, b) => RefValues.Compare(a, b) >= 0 ? a : b) : null;

    private static IEnumerable<object> Values(RefExpr operand, RefContext c) =>
        c.Group.Select(row => operand(c with { Row = row })).OfType<object>();

    private static RefExpr Numeric(RefExpr left, RefExpr right, Func<double, double, double> op) => c =>
        left(c) is double a && right(c) is double b ? op(a, b) : null;
}
