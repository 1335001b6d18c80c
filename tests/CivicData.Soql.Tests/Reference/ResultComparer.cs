using System.Globalization;
using System.Text;
using CivicData.Soql.Tests.Engines;

namespace CivicData.Soql.Tests.Reference;

/// <summary>
/// How two results are compared: doubles within a relative tolerance of 1e-9 (absolute 1e-9 near zero), everything
/// else exactly; in order when the query's order is total, otherwise as multisets (both sides sorted the same way).
/// </summary>
public static class ResultComparer
{
    public const double Tolerance = 1e-9;

    /// <summary>Null when equal, else a description of the first difference.</summary>
    public static string? Difference(IReadOnlyList<object?[]> expected, IReadOnlyList<object?[]> actual, bool ordered)
    {
        if (expected.Count != actual.Count)
        {
            return $"expected {expected.Count} rows, got {actual.Count}\nexpected: {Format(expected)}\nactual:   {Format(actual)}";
        }

        IReadOnlyList<object?[]> left = ordered ? expected : Sorted(expected);
        IReadOnlyList<object?[]> right = ordered ? actual : Sorted(actual);
        for (int i = 0; i < left.Count; i++)
        {
            if (!RowEquals(left[i], right[i]))
            {
                return $"row {i}{(ordered ? "" : " (sorted)")}: expected {Format(left[i])}, got {Format(right[i])}\nexpected: {Format(left)}\nactual:   {Format(right)}";
            }
        }

        return null;
    }

    public static void AssertEqual(IReadOnlyList<object?[]> expected, IReadOnlyList<object?[]> actual, bool ordered, string context)
    {
        if (Difference(expected, actual, ordered) is { } difference)
        {
            Assert.Fail(context + "\n" + difference);
        }
    }

    public static bool RowEquals(object?[] left, object?[] right) =>
        left.Length == right.Length && left.Zip(right).All(pair => ValueEquals(pair.First, pair.Second));

    public static bool ValueEquals(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (double a, double b) => DoubleEquals(a, b),
        (TestPoint a, TestPoint b) => DoubleEquals(a.Lon, b.Lon) && DoubleEquals(a.Lat, b.Lat),
        _ => left.Equals(right),
    };

    public static bool DoubleEquals(double a, double b)
    {
        if (a.Equals(b))
        {
            return true;
        }

        double scale = Math.Max(Math.Abs(a), Math.Abs(b));
        return Math.Abs(a - b) <= Tolerance * Math.Max(scale, 1.0);
    }

    public static string Format(IReadOnlyList<object?[]> rows) =>
        rows.Count > 20 ? "[" + string.Join(", ", rows.Take(20).Select(Format)) + $", … {rows.Count - 20} more]" : "[" + string.Join(", ", rows.Select(Format)) + "]";

    public static string Format(object?[] row) => "(" + string.Join(", ", row.Select(Format)) + ")";

    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => value.ToString() ?? "?",
    };

    // Multiset order: by a key in which doubles are rounded to 9 significant digits, so tolerance-equal values sort
    // alike and only the cell-by-cell comparison decides.
    private static List<object?[]> Sorted(IReadOnlyList<object?[]> rows) =>
        [.. rows.OrderBy(SortKey, StringComparer.Ordinal)];

    private static string SortKey(object?[] row)
    {
        var key = new StringBuilder();
        foreach (object? value in row)
        {
            key.Append(value switch
            {
                null => "\u0001",
                double d => "n" + (d == 0 ? 0.0 : d).ToString("E8", CultureInfo.InvariantCulture),
                TestPoint p => "p" + p.Lon.ToString("E8", CultureInfo.InvariantCulture) + p.Lat.ToString("E8", CultureInfo.InvariantCulture),
                _ => "v" + Format(value),
            }).Append('\u0000');
        }

        return key.ToString();
    }
}
