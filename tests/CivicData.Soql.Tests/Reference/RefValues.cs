using System.Globalization;
using System.Text;
using CivicData.Soql.Tests.Engines;

namespace CivicData.Soql.Tests.Reference;

/// <summary>
/// Value semantics of the reference evaluator, over the canonical values of <see cref="IQueryEngine"/>: null, string,
/// double, bool, DateTime, <see cref="TestPoint"/>. Text orders by code point (UTF-8 bytes), as soda.md §6.6 decides.
/// </summary>
public static class RefValues
{
    /// <summary>Orders two non-null values of the same SoQL type.</summary>
    public static int Compare(object left, object right) => (left, right) switch
    {
        (string a, string b) => CompareText(a, b),
        (double a, double b) => a.CompareTo(b),
        (bool a, bool b) => a.CompareTo(b),
        (DateTime a, DateTime b) => a.Ticks.CompareTo(b.Ticks),
        (TestPoint a, TestPoint b) => a.Lon != b.Lon ? a.Lon.CompareTo(b.Lon) : a.Lat.CompareTo(b.Lat),
        _ => throw new InvalidOperationException($"Cannot compare {left.GetType().Name} with {right.GetType().Name}."),
    };

    /// <summary>Code-point order: the order of the UTF-8 bytes.</summary>
    public static int CompareText(string left, string right)
    {
        byte[] a = Encoding.UTF8.GetBytes(left);
        byte[] b = Encoding.UTF8.GetBytes(right);
        return a.AsSpan().SequenceCompareTo(b);
    }

    /// <summary>SQL ordering with SODA's null placement: nulls last ascending and first descending unless told.</summary>
    public static int CompareForOrder(object? left, object? right, bool descending, bool? nullsFirst)
    {
        bool nullsComeFirst = nullsFirst ?? descending;
        if (left is null || right is null)
        {
            if (left is null && right is null)
            {
                return 0;
            }

            return (left is null) == nullsComeFirst ? -1 : 1;
        }

        int order = Compare(left, right);
        return descending ? -order : order;
    }

    /// <summary>Three-valued SQL comparison.</summary>
    public static bool? Compare(string op, object? left, object? right)
    {
        if (left is null || right is null)
        {
            return null;
        }

        int c = Compare(left, right);
        return op switch
        {
            "=" => c == 0,
            "!=" => c != 0,
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            ">=" => c >= 0,
            _ => throw new ArgumentException("Unknown operator " + op, nameof(op)),
        };
    }

    /// <summary>SQL LIKE: <c>%</c> any run, <c>_</c> one character, case-sensitive, no escape character.</summary>
    public static bool Like(string text, string pattern)
    {
        // Classic two-pointer wildcard match over code points.
        int[] s = ToCodePoints(text);
        int[] p = ToCodePoints(pattern);
        int si = 0, pi = 0, star = -1, mark = 0;
        while (si < s.Length)
        {
            if (pi < p.Length && (p[pi] == '_' || (p[pi] != '%' && p[pi] == s[si])))
            {
                si++;
                pi++;
            }
            else if (pi < p.Length && p[pi] == '%')
            {
                star = pi++;
                mark = si;
            }
            else if (star >= 0)
            {
                pi = star + 1;
                si = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (pi < p.Length && p[pi] == '%')
        {
            pi++;
        }

        return pi == p.Length;
    }

    /// <summary>Text form used by <c>||</c> and <c>::text</c>: numbers in plain notation, booleans as true/false.</summary>
    public static string ToText(object value) => value switch
    {
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException("No text form for " + value.GetType().Name),
    };

    private static int[] ToCodePoints(string text)
    {
        var points = new List<int>(text.Length);
        foreach (Rune rune in text.EnumerateRunes())
        {
            points.Add(rune.Value);
        }

        return [.. points];
    }
}
