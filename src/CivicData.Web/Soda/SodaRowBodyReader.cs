using System.Globalization;
using System.Text;
using System.Text.Json;
using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Ingest.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Sylvan.Data.Csv;

namespace CivicData.Web.Soda;

/// <summary>
/// Reads a SODA producer body (soda.md §2.2) into rows: a JSON array of row objects, or CSV with a header of field names
/// when the content type is <c>text/csv</c>. Values stay text; the publisher reads them as the columns' types. System
/// fields are not values: <c>:id</c> names the row, <c>:deleted</c> (or soda-js's <c>:delete</c>) marks a deletion, and
/// the rest (<c>:created_at</c>, <c>:updated_at</c>, <c>:version</c>) are ignored.
/// </summary>
internal static class SodaRowBodyReader
{
    private const string DeletedField = ":deleted";
    private const string DeleteField = ":delete";

    public static async Task<IReadOnlyList<RowChange>> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        LimitBody(request, maxBytes);
        bool csv = MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? media)
            && media.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase);
        return csv ? await ReadCsvAsync(request.Body, cancellationToken) : await ReadJsonAsync(request.Body, cancellationToken);
    }

    /// <summary>
    /// Refuses a body over <paramref name="maxBytes"/> with 413: up front when the client says the size, and through
    /// Kestrel's limit for chunked bodies as they arrive. Call before reading the body.
    /// </summary>
    public static void LimitBody(HttpRequest request, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
    }

    private static async Task<IReadOnlyList<RowChange>> ReadJsonAsync(Stream body, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, default, cancellationToken);
        }
        catch (JsonException exception)
        {
            throw Malformed($"The body is not valid JSON ({FirstSentence(exception.Message)}). Send a JSON array of row objects.");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                return [ReadObject(root)];
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                throw Malformed("The body must be a JSON array of row objects.");
            }

            var rows = new List<RowChange>(root.GetArrayLength());
            foreach (JsonElement element in root.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw Malformed($"Row {rows.Count + 1} is not a JSON object.");
                }

                rows.Add(ReadObject(element));
            }

            return rows;
        }
    }

    private static RowChange ReadObject(JsonElement row)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? rowId = null;
        bool deleted = false;
        foreach (JsonProperty property in row.EnumerateObject())
        {
            switch (property.Name)
            {
                case SystemColumns.Id:
                    rowId = property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? TextOf(property.Value) : null;
                    break;
                case DeletedField or DeleteField:
                    deleted = property.Value.ValueKind == JsonValueKind.True
                        || (property.Value.ValueKind == JsonValueKind.String && bool.TryParse(property.Value.GetString(), out bool flag) && flag);
                    break;
                case [':', ..]:
                    break;
                default:
                    values[property.Name] = TextOf(property.Value);
                    break;
            }
        }

        return new RowChange { Values = values, RowId = rowId, Deleted = deleted };
    }

    /// <summary>A JSON value as the text a staged column holds (see the input formats in soda.md §2.2).</summary>
    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        // A legacy location {"latitude", "longitude", "human_address"} becomes a WKT point; a URL {"url", "description"} its URL.
        JsonValueKind.Object when value.TryGetProperty("latitude", out JsonElement latitude) && value.TryGetProperty("longitude", out JsonElement longitude)
            => string.Create(CultureInfo.InvariantCulture, $"POINT ({TextOf(longitude)} {TextOf(latitude)})"),
        JsonValueKind.Object when value.TryGetProperty("url", out JsonElement url) && !value.TryGetProperty("type", out _) => TextOf(url),
        // GeoJSON geometries, arrays and JSON values go as their JSON text.
        _ => value.GetRawText(),
    };

    private static async Task<IReadOnlyList<RowChange>> ReadCsvAsync(Stream body, CancellationToken cancellationToken)
    {
        var text = new StreamReader(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var options = new CsvDataReaderOptions { Delimiter = ',', Quote = '"', Escape = '"', Comment = '\0', HasHeaders = true, OwnsReader = true };
        var rows = new List<RowChange>();
        try
        {
            await using CsvDataReader csv = await CsvDataReader.CreateAsync(text, options, cancellationToken);
            string[] names = [.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim())];
            while (await csv.ReadAsync(cancellationToken))
            {
                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                string? rowId = null;
                bool deleted = false;
                for (int i = 0; i < names.Length; i++)
                {
                    string? value = i < csv.RowFieldCount ? csv.GetString(i) : null;
                    value = string.IsNullOrEmpty(value) ? null : value;
                    switch (names[i])
                    {
                        case SystemColumns.Id:
                            rowId = value;
                            break;
                        case DeletedField or DeleteField:
                            deleted = bool.TryParse(value, out bool flag) && flag;
                            break;
                        case [':', ..]:
                            break;
                        default:
                            values[names[i]] = value;
                            break;
                    }
                }

                rows.Add(new RowChange { Values = values, RowId = rowId, Deleted = deleted });
            }
        }
        catch (Exception exception) when (exception is CsvFormatException or CsvMissingHeadersException or DecoderFallbackException)
        {
            throw Malformed("The body is not CSV with a header row of field names in UTF-8.");
        }

        return rows;
    }

    private static ValidationError Malformed(string message) => new("row.malformed", message);

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
