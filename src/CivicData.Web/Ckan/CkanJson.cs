using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CivicData.Web.Ckan;

/// <summary>How CKAN's wire JSON is written: snake_case names, nulls kept, non-ASCII as UTF-8, CKAN's timestamps.</summary>
internal static class CkanJson
{
    public const string ContentType = "application/json;charset=utf-8";

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// CKAN's datetime (ckan.md §2.1): UTC with no zone, and microseconds only when there are some, as Python's
    /// <c>isoformat()</c> writes them: <c>2024-03-05T14:07:33.123000</c>.
    /// </summary>
    public static string Timestamp(DateTimeOffset value)
    {
        DateTime utc = value.UtcDateTime;
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
    }

    public static string? Timestamp(DateTimeOffset? value) => value is DateTimeOffset instant ? Timestamp(instant) : null;
}
