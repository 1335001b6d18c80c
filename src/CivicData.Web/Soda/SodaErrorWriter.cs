using System.Text.Json;
using CivicData.Web.Errors;
using CivicData.Web.Soda.Writers;
using Microsoft.AspNetCore.Http;

namespace CivicData.Web.Soda;

/// <summary>
/// SODA's error body (soda.md §9): <c>{"code", "errorCode", "error": true, "message", "data"}</c>, with both
/// <c>code</c> and <c>errorCode</c> because older and newer clients read different ones.
/// </summary>
internal static class SodaErrorWriter
{
    public const string ContentType = "application/json; charset=UTF-8";

    public static async Task WriteAsync(HttpResponse response, MappedError error, CancellationToken cancellationToken)
    {
        response.StatusCode = error.Status;
        response.ContentType = ContentType;
        // CORS on errors too, so browser clients can read why a request failed.
        response.Headers.AccessControlAllowOrigin = "*";

        await using var json = new Utf8JsonWriter(response.BodyWriter, JsonRowWriter.WriterOptions);
        json.WriteStartObject();
        json.WriteString("code", error.Code);
        json.WriteString("errorCode", error.Code);
        json.WriteBoolean("error", true);
        json.WriteString("message", error.Message);
        if (error.Details.Count > 0)
        {
            json.WritePropertyName("data");
            json.WriteStartObject();
            foreach ((string key, object? value) in error.Details)
            {
                json.WritePropertyName(key);
                JsonSerializer.Serialize(json, value, value?.GetType() ?? typeof(object));
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}
