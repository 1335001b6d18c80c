using System.Text.Json;
using CivicData.Web.Errors;
using Microsoft.AspNetCore.Http;

namespace CivicData.Web.Ckan;

/// <summary>
/// CKAN's error envelope (ckan.md §2.2): <c>{"help", "success": false, "error": {"__type", "message", ...}}</c>, with
/// CKAN's statuses, which differ from ours (validation is 409, authorisation always 403). The few errors CKAN raises
/// before an action runs (§2.3) are a bare JSON string with status 400.
/// </summary>
internal static class CkanErrorWriter
{
    public static async Task WriteAsync(HttpContext context, MappedError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        HttpResponse response = context.Response;
        response.ContentType = CkanJson.ContentType;
        response.Headers.AccessControlAllowOrigin = "*";

        await using var json = new Utf8JsonWriter(response.BodyWriter, CkanJson.WriterOptions);
        if (error.Code == CkanErrors.BadRequestCode)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            json.WriteStringValue(error.Message);
            await json.FlushAsync(cancellationToken);
            return;
        }

        (int status, string type, string message) = Classify(error);
        response.StatusCode = status;
        json.WriteStartObject();
        json.WriteString("help", CkanEnvelope.HelpUrl(context.Request, CkanEnvelope.ActionNameOf(context)));
        json.WriteBoolean("success", false);
        json.WriteStartObject("error");
        json.WriteString("__type", type);
        json.WriteString("message", message);
        if (type == "Validation Error")
        {
            WriteFields(json, error);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static (int Status, string Type, string Message) Classify(MappedError error) => error switch
    {
        { Code: CkanErrors.SearchQueryCode } => (StatusCodes.Status400BadRequest, "Search Query Error", error.Message),
        { Code: CkanErrors.SearchCode } => (StatusCodes.Status409Conflict, "Search Error", error.Message),
        { Code: ErrorMapper.QueryTimeoutCode } => (StatusCodes.Status409Conflict, "Validation Error", "Query took too long"),
        { Status: StatusCodes.Status404NotFound } => (StatusCodes.Status404NotFound, "Not Found Error", Prefixed("Not found", error.Message)),
        { Status: StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden } =>
            (StatusCodes.Status403Forbidden, "Authorization Error", Prefixed("Access denied", error.Message)),
        { Status: StatusCodes.Status400BadRequest or StatusCodes.Status409Conflict } => (StatusCodes.Status409Conflict, "Validation Error", error.Message),
        { Status: StatusCodes.Status429TooManyRequests } => (StatusCodes.Status429TooManyRequests, "Rate Limit Error", error.Message),
        _ => (error.Status, "Internal Server Error", "Internal Server Error"),
    };

    private static string Prefixed(string prefix, string message) =>
        message.StartsWith(prefix, StringComparison.Ordinal) ? message : prefix + ": " + message;

    /// <summary>
    /// Field name → list of messages. CKAN-shaped details are written as they are; any other validation failure (say
    /// bad SoQL from a datastore filter) is reported under the parameter it came from, or under <c>query</c>.
    /// </summary>
    private static void WriteFields(Utf8JsonWriter json, MappedError error)
    {
        if (error.Code == CkanErrors.ValidationCode)
        {
            foreach ((string field, object? messages) in error.Details)
            {
                if (field is "__type" or "message")
                {
                    continue;
                }

                json.WritePropertyName(field);
                JsonSerializer.Serialize(json, messages, messages?.GetType() ?? typeof(object), CkanJson.Options);
            }

            return;
        }

        json.WriteStartArray("query");
        json.WriteStringValue(error.Code == ErrorMapper.QueryTimeoutCode ? "Query took too long" : error.Message);
        json.WriteEndArray();
    }
}
