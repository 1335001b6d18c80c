using System.Globalization;

namespace CivicData.Catalog.Sqlite;

/// <summary>
/// How the SQLite catalog stores instants: ISO 8601 UTC text with milliseconds, e.g. <c>2024-05-01T12:30:00.123Z</c>.
/// Text in this form sorts in time order, and reads back to exactly the <see cref="DateTimeOffset"/> that
/// <see cref="Truncate"/> gives.
/// </summary>
internal static class CatalogTimestamp
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The instant as the catalog can hold it: UTC, whole milliseconds.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        long ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string ToText(DateTimeOffset value) =>
        Truncate(value).UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseOptional(string? text) => text is null ? null : Parse(text);
}
