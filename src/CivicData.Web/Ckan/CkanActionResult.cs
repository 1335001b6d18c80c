using System.Text.Json;
using CivicData.Web.Datasets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicData.Web.Ckan;

/// <summary>Writes a successful action's envelope, <c>{"help", "success": true, "result"}</c>, streaming the result.</summary>
internal sealed partial class CkanActionResult(string action, CkanResult result, DatasetCaller caller) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        await using CkanResult owned = result;
        HttpResponse response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = CkanJson.ContentType;
        if (caller.IsAuthenticated)
        {
            // What a key holder sees must never be served to anyone else from a shared cache.
            response.Headers.CacheControl = "private";
        }
        else
        {
            response.Headers.AccessControlAllowOrigin = "*";
        }

        try
        {
            await using var json = new Utf8JsonWriter(response.BodyWriter, CkanJson.WriterOptions);
            json.WriteStartObject();
            json.WriteString("help", CkanEnvelope.HelpUrl(httpContext.Request, action));
            json.WriteBoolean("success", true);
            json.WritePropertyName("result");
            await owned.WriteAsync(json, httpContext.RequestAborted);
            json.WriteEndObject();
            await json.FlushAsync(httpContext.RequestAborted);
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception exception) when (response.HasStarted)
        {
            // Part of a 200 went out: cut the connection so the client sees a truncated body, not a short success.
            ILogger logger = httpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<CkanActionResult>();
            LogAborted(logger, exception, action);
            httpContext.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CKAN action {Action} failed after its response started; connection aborted")]
    private static partial void LogAborted(ILogger logger, Exception exception, string action);
}
