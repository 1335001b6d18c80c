using System.Globalization;
using System.Text.RegularExpressions;

namespace CivicData.Web.Ckan.Search;

/// <summary>
/// Solr date values in ranges: ISO 8601 instants (<c>2024-01-01T10:00:00.123456Z</c>, with or without fraction and
/// zone; a bare date is midnight UTC) and date math on <c>NOW</c>: <c>NOW-1DAY</c>, <c>NOW/DAY</c>,
/// <c>NOW-7DAYS/HOUR</c>, units YEAR, MONTH, DAY, HOUR, MINUTE, SECOND (singular or plural).
/// </summary>
internal static partial class SolrDate
{
    private static readonly string[] s_formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    public static DateTimeOffset Parse(string text, string field, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(clock);
        string trimmed = text.Trim();
        if (trimmed.StartsWith("NOW", StringComparison.Ordinal))
        {
            return ParseMath(trimmed, field, clock.GetUtcNow());
        }

        // Solr wants a trailing Z; clients sometimes leave it out, and every catalog time is UTC anyway.
        if (DateTimeOffset.TryParseExact(trimmed, s_formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset instant))
        {
            return instant;
        }

        // .NET reads at most seven fractional digits; Solr accepts more and so do we, rounded down to a tick.
        Match fraction = LongFraction().Match(trimmed);
        if (fraction.Success
            && DateTimeOffset.TryParseExact(fraction.Groups["head"].Value + fraction.Groups["digits"].Value[..7] + fraction.Groups["zone"].Value, s_formats[0],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant))
        {
            return instant;
        }

        throw CkanErrors.SearchQuery($"Invalid date in {field}: {text}");
    }

    private static DateTimeOffset ParseMath(string text, string field, DateTimeOffset now)
    {
        DateTimeOffset value = now;
        Match match = DateMath().Match(text);
        if (!match.Success)
        {
            throw CkanErrors.SearchQuery($"Invalid date math in {field}: {text}");
        }

        foreach (Capture step in match.Groups["step"].Captures)
        {
            string op = step.Value[..1];
            string rest = step.Value[1..];
            if (op == "/")
            {
                value = Round(value, Unit(rest));
                continue;
            }

            int digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (!int.TryParse(rest.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out int amount) || amount > 100_000)
            {
                throw CkanErrors.SearchQuery($"Invalid date math in {field}: {text}");
            }

            value = Add(value, Unit(rest[digits..]), op == "-" ? -amount : amount);
        }

        return value;
    }

    private static string Unit(string text) => text.EndsWith('S') ? text[..^1] : text;

    private static DateTimeOffset Add(DateTimeOffset value, string unit, int amount) => unit switch
    {
        "YEAR" => value.AddYears(amount),
        "MONTH" => value.AddMonths(amount),
        "DAY" or "DATE" => value.AddDays(amount),
        "HOUR" => value.AddHours(amount),
        "MINUTE" => value.AddMinutes(amount),
        "SECOND" => value.AddSeconds(amount),
        _ => throw CkanErrors.SearchQuery($"Unknown date unit {unit}"),
    };

    private static DateTimeOffset Round(DateTimeOffset value, string unit)
    {
        DateTime utc = value.UtcDateTime;
        DateTime rounded = unit switch
        {
            "YEAR" => new DateTime(utc.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            "MONTH" => new DateTime(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc),
            "DAY" or "DATE" => utc.Date,
            "HOUR" => new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc),
            "MINUTE" => new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc),
            "SECOND" => new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, DateTimeKind.Utc),
            _ => throw CkanErrors.SearchQuery($"Unknown date unit {unit}"),
        };
        return new DateTimeOffset(rounded, TimeSpan.Zero);
    }

    [GeneratedRegex(@"^NOW(?<step>[+-]\d{1,6}[A-Z]{3,7}|/[A-Z]{3,7}){0,8}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex DateMath();

    [GeneratedRegex(@"^(?<head>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.)(?<digits>\d{8,12})(?<zone>Z?)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex LongFraction();
}
