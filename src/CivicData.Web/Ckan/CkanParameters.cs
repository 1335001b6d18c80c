using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CivicData.Web.Ckan;

/// <summary>
/// An action's parameters, from whichever form the client used (ckan.md §1): a JSON object body, form fields, or the
/// query string, where every value is text, a repeated key is a list, and JSON-valued parameters arrive as JSON text.
/// The getters accept all of those forms and report a bad value as CKAN's Validation Error keyed by the parameter.
/// </summary>
internal sealed class CkanParameters
{
    private static readonly JsonDocumentOptions s_documentOptions = new() { MaxDepth = 32 };

    private readonly Dictionary<string, JsonElement> _values;

    private CkanParameters(Dictionary<string, JsonElement> values) => _values = values;

    public static CkanParameters Empty { get; } = new([]);

    public IEnumerable<string> Names => _values.Keys;

    public static CkanParameters FromPairs(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach ((string key, Microsoft.Extensions.Primitives.StringValues value) in pairs)
        {
            values[key] = value.Count == 1
                ? JsonSerializer.SerializeToElement(value[0] ?? "")
                : JsonSerializer.SerializeToElement(value.Select(item => item ?? "").ToArray());
        }

        return new CkanParameters(values);
    }

    /// <summary>Reads the request's parameters; a POST body that is not a JSON object is CKAN's §2.3 bad request.</summary>
    public static async Task<CkanParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsPost(request.Method))
        {
            return FromPairs(request.Query);
        }

        if (request.HasFormContentType)
        {
            IFormCollection form = await request.ReadFormAsync(cancellationToken);
            return FromPairs(form);
        }

        JsonDocument document;
        try
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, cancellationToken);
            if (body.Length == 0)
            {
                return FromPairs(request.Query);
            }

            body.Position = 0;
            document = await JsonDocument.ParseAsync(body, s_documentOptions, cancellationToken);
        }
        catch (JsonException)
        {
            throw CkanErrors.BadRequest("JSON Error: Error decoding JSON data.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw CkanErrors.BadRequest("JSON Error: Request data JSON decoded to a non-object; it needs to be a dictionary.");
            }

            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.Clone();
            }

            return new CkanParameters(values);
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public JsonElement? Get(string name) => _values.TryGetValue(name, out JsonElement value) ? value : null;

    /// <summary>A text parameter; numbers and booleans read as their JSON text, null as absent.</summary>
    public string? GetString(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value => value.GetRawText(),
        _ => throw CkanErrors.Invalid(name, "Must be a string"),
    };

    public string GetRequiredString(string name) =>
        GetString(name) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text : throw CkanErrors.Missing(name);

    /// <summary>A natural number (0, 1, 2 ...), as a JSON number or text; CKAN's messages for anything else.</summary>
    public int GetNatural(string name, int defaultValue)
    {
        string? text = GetString(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
        {
            throw CkanErrors.Invalid(name, "Invalid integer");
        }

        if (number < 0)
        {
            throw CkanErrors.Invalid(name, "Must be a natural number");
        }

        return (int)Math.Min(number, int.MaxValue);
    }

    /// <summary>true/false in any of the forms CKAN's boolean validator accepts.</summary>
    public bool GetBoolean(string name, bool defaultValue)
    {
        JsonElement? value = Get(name);
        if (value is { ValueKind: JsonValueKind.True })
        {
            return true;
        }

        if (value is { ValueKind: JsonValueKind.False })
        {
            return false;
        }

        string? text = GetString(name)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return defaultValue;
        }

        return text.ToUpperInvariant() switch
        {
            "TRUE" or "1" or "YES" or "Y" or "ON" or "T" => true,
            "FALSE" or "0" or "NO" or "N" or "OFF" or "F" => false,
            _ => throw CkanErrors.Invalid(name, "Must be a boolean"),
        };
    }

    /// <summary>
    /// A JSON-valued parameter: the JSON value itself from a JSON body, or the JSON text a query string carries
    /// (undecodable text is a Validation Error keyed by the parameter). Plain text that is not JSON is returned as a
    /// string element when <paramref name="textAllowed"/>.
    /// </summary>
    public JsonElement? GetJson(string name, bool textAllowed)
    {
        JsonElement? value = Get(name);
        if (value is not { ValueKind: JsonValueKind.String } text)
        {
            return value;
        }

        string raw = text.GetString() ?? "";
        string trimmed = raw.TrimStart();
        if (trimmed.Length > 0 && trimmed[0] is '{' or '[' or '"')
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(raw, s_documentOptions);
                return document.RootElement.Clone();
            }
            catch (JsonException) when (textAllowed)
            {
                // Plain text that merely starts like JSON, such as a sort on a "quoted column".
                return value;
            }
            catch (JsonException)
            {
                throw CkanErrors.Invalid(name, "Could not parse as valid JSON");
            }
        }

        return textAllowed ? value : throw CkanErrors.Invalid(name, "Could not parse as valid JSON");
    }

    /// <summary>A list of strings: a JSON array, JSON text of one, a repeated query key, or a comma-separated string.</summary>
    public IReadOnlyList<string>? GetStringList(string name, bool commaSeparated)
    {
        JsonElement? value = GetJson(name, textAllowed: true);
        switch (value)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return null;
            case { ValueKind: JsonValueKind.Array } array:
                return [.. array.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String
                    ? item.GetString() ?? ""
                    : throw CkanErrors.Invalid(name, "Must be a list of strings"))];
            case { ValueKind: JsonValueKind.String } text:
                string raw = text.GetString() ?? "";
                return commaSeparated
                    ? [.. raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                    : [raw];
            default:
                throw CkanErrors.Invalid(name, "Must be a list of strings");
        }
    }
}
