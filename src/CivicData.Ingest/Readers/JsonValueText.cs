using System.Text.Json;

namespace CivicData.Ingest.Readers;

/// <summary>How a JSON value becomes the raw text of a field.</summary>
internal static class JsonValueText
{
    /// <summary>
    /// Strings as they are, numbers as written in the file, booleans as <c>true</c>/<c>false</c>, null as null, and
    /// objects and arrays as their JSON text. In a column hinted as JSON (<paramref name="asJson"/>) every non-null value
    /// is JSON text, so that a string there stays a valid JSON document (<c>"abc"</c> with its quotes).
    /// </summary>
    public static string? ToText(JsonElement value, bool asJson) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ when asJson => value.GetRawText(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
