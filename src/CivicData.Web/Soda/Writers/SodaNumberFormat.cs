using System.Globalization;
using System.Numerics;

namespace CivicData.Web.Soda.Writers;

/// <summary>
/// Numbers as SODA prints them: plain notation, never an exponent, integers without a fractional part.
/// A double prints its shortest round-trip digits, so no precision is invented or lost.
/// </summary>
internal static class SodaNumberFormat
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        string roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        int exponentAt = roundTrip.IndexOf('E', StringComparison.Ordinal);
        return exponentAt < 0 ? roundTrip : ExpandExponent(roundTrip, exponentAt);
    }

    /// <summary>Any numeric CLR value a store may hand back (aggregates can widen to long, decimal or BigInteger).</summary>
    public static string Format(object value) => value switch
    {
        double d => Format(d),
        float f => Format((double)f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        long or int or short or sbyte or ulong or uint or ushort or byte or BigInteger or Int128 or UInt128
            => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static bool IsFinite(object value) => value switch
    {
        double d => double.IsFinite(d),
        float f => float.IsFinite(f),
        _ => true,
    };

    private static string ExpandExponent(string roundTrip, int exponentAt)
    {
        bool negative = roundTrip[0] == '-';
        ReadOnlySpan<char> mantissa = roundTrip.AsSpan(negative ? 1 : 0, exponentAt - (negative ? 1 : 0));
        int exponent = int.Parse(roundTrip.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        int pointAt = mantissa.IndexOf('.');
        string digits = pointAt < 0 ? mantissa.ToString() : string.Concat(mantissa[..pointAt], mantissa[(pointAt + 1)..]);
        int newPointAt = (pointAt < 0 ? mantissa.Length : pointAt) + exponent;

        string plain;
        if (newPointAt <= 0)
        {
            plain = "0." + new string('0', -newPointAt) + digits;
        }
        else if (newPointAt >= digits.Length)
        {
            plain = digits + new string('0', newPointAt - digits.Length);
        }
        else
        {
            plain = string.Concat(digits.AsSpan(0, newPointAt), ".", digits.AsSpan(newPointAt));
        }

        return negative ? "-" + plain : plain;
    }
}
