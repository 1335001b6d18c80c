using System.Globalization;
using System.Text.RegularExpressions;

namespace CivicData.Soql.Binding;

/// <summary>A point literal's value: WGS84 longitude and latitude, read from <c>'POINT (lon lat)'</c>.</summary>
public readonly partial record struct PointValue(double Longitude, double Latitude)
{
    public static bool TryParseWkt(string text, out PointValue point)
    {
        point = default;
        Match match = PointPattern().Match(text);
        if (!match.Success
            || !double.TryParse(match.Groups["lon"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double lon)
            || !double.TryParse(match.Groups["lat"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double lat)
            || !double.IsFinite(lon) || !double.IsFinite(lat))
        {
            return false;
        }

        point = new PointValue(lon, lat);
        return true;
    }

    [GeneratedRegex(@"^\s*POINT\s*\(\s*(?<lon>[-+]?[0-9.]+(?:[eE][-+]?\d+)?)\s+(?<lat>[-+]?[0-9.]+(?:[eE][-+]?\d+)?)\s*\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointPattern();
}
