using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CivicData.Web.Errors;

/// <summary>RFC 9457 problem details for native endpoints and for requests no family claimed.</summary>
internal static class ProblemDetailsErrorWriter
{
    public static async Task WriteAsync(HttpContext context, MappedError error, string traceId, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/problem+json; charset=utf-8";

        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("type", $"https://civicdata.example/docs/errors#{error.Code}");
        json.WriteString("title", ReasonPhrases.GetReasonPhrase(error.Status));
        json.WriteNumber("status", error.Status);
        json.WriteString("detail", error.Message);
        json.WriteString("instance", context.Request.Path.Value);
        json.WriteString("code", error.Code);
        json.WriteString("traceId", traceId);
        if (error.Details.Count > 0)
        {
            json.WritePropertyName("errors");
            json.WriteStartArray();
            json.WriteStartObject();
            foreach ((string key, object? value) in error.Details)
            {
                json.WritePropertyName(key);
                JsonSerializer.Serialize(json, value, value?.GetType() ?? typeof(object));
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}
