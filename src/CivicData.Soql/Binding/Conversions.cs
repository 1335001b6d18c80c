using System.Globalization;
using CivicData.Core.Schema;

namespace CivicData.Soql.Binding;

/// <summary>Type rules shared by the checker: text-literal coercion (soda.md §4), comparability and casts.</summary>
public static class Conversions
{
    private static readonly string[] s_floatingFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    private static readonly string[] s_fixedFormats =
    [
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>
    /// Reads a text literal as a value of <paramref name="type"/>, giving the CLR value the driver gets:
    /// string, double, bool, or DateTime (kind Unspecified; fixed timestamps converted to UTC).
    /// </summary>
    public static bool TryConvertText(string text, SodaType type, out object? value)
    {
        value = null;
        switch (type)
        {
            case SodaType.Text or SodaType.Url or SodaType.Json:
                value = text;
                return true;
            case SodaType.Number or SodaType.Double or SodaType.Money:
                if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
                    && (double.IsFinite(number) || type == SodaType.Double))
                {
                    value = number;
                    return true;
                }

                return false;
            case SodaType.Checkbox:
                string trimmed = text.Trim();
                if (trimmed.Equals("true", StringComparison.OrdinalIgnoreCase) || trimmed == "1")
                {
                    value = true;
                    return true;
                }

                if (trimmed.Equals("false", StringComparison.OrdinalIgnoreCase) || trimmed == "0")
                {
                    value = false;
                    return true;
                }

                return false;
            case SodaType.FloatingTimestamp:
                if (DateTime.TryParseExact(text.Trim(), s_floatingFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime floating))
                {
                    value = DateTime.SpecifyKind(floating, DateTimeKind.Unspecified);
                    return true;
                }

                return false;
            case SodaType.FixedTimestamp:
                if (DateTimeOffset.TryParseExact(text.Trim(), s_fixedFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset instant))
                {
                    value = DateTime.SpecifyKind(instant.UtcDateTime, DateTimeKind.Unspecified);
                    return true;
                }

                // A date or date-time without a zone is read as UTC.
                if (DateTime.TryParseExact(text.Trim(), s_floatingFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime utc))
                {
                    value = DateTime.SpecifyKind(utc, DateTimeKind.Unspecified);
                    return true;
                }

                return false;
            case SodaType.Point or SodaType.Location:
                if (PointValue.TryParseWkt(text, out PointValue point))
                {
                    value = point;
                    return true;
                }

                return false;
            case SodaType.MultiPoint or SodaType.Line or SodaType.MultiLine or SodaType.Polygon or SodaType.MultiPolygon:
                if (GeometryValue.TryParseWkt(text, out GeometryValue geometry) && geometry.TryConvertTo(type, out GeometryValue converted))
                {
                    value = converted;
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Cast type names in soda.md §4 that have no SODA type here: <c>::time</c> and friends answer no-such-function.</summary>
    public static bool IsUnsupportedCastName(string name) => name is "time" or "interval" or "blob" or "photo" or "document";

    /// <summary>Types that compare with each other share a family; null means not comparable at all.</summary>
    public static string? GetComparisonFamily(SodaType type) => type switch
    {
        SodaType.Number or SodaType.Double or SodaType.Money => "number",
        SodaType.Text or SodaType.Url => "text",
        SodaType.Checkbox => "checkbox",
        SodaType.FloatingTimestamp => "floating_timestamp",
        SodaType.FixedTimestamp => "fixed_timestamp",
        _ => null,
    };

    public static bool IsOrderable(SodaType type) => GetComparisonFamily(type) is not null;

    public static bool CanCast(SodaType from, SodaType to)
    {
        if (from == to)
        {
            return true;
        }

        return to switch
        {
            SodaType.Text => !from.IsGeometry(),
            SodaType.Number or SodaType.Double or SodaType.Money => from.IsNumeric() || from is SodaType.Text or SodaType.Checkbox,
            SodaType.Checkbox => from.IsNumeric() || from is SodaType.Text,
            SodaType.FloatingTimestamp or SodaType.FixedTimestamp => from is SodaType.Text or SodaType.FloatingTimestamp or SodaType.FixedTimestamp,
            SodaType.Url or SodaType.Json => from is SodaType.Text or SodaType.Url or SodaType.Json,
            SodaType.Point => from is SodaType.Location,
            SodaType.Location => from is SodaType.Point,
            _ => false,
        };
    }

    /// <summary>Result type of arithmetic on two numeric types.</summary>
    public static SodaType GetArithmeticType(SodaType left, SodaType right)
    {
        if (left == SodaType.Double || right == SodaType.Double)
        {
            return SodaType.Double;
        }

        return left == SodaType.Money && right == SodaType.Money ? SodaType.Money : SodaType.Number;
    }
}
