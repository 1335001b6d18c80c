using System.Diagnostics;
using System.Globalization;
using System.Net;
using CivicData.Core;
using CivicData.Web.Ckan;
using CivicData.Web.Soda;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CivicData.Web.Errors;

/// <summary>
/// The one exception handler (style.md §4): maps through <see cref="ErrorMapper"/>, then writes the shape of the
/// family the failing endpoint declared. Only unexpected errors are logged with their exception.
/// </summary>
internal sealed partial class CivicDataExceptionHandler(ILogger<CivicDataExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware clears the endpoint before calling us; its feature keeps the original.
        Endpoint? endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        ErrorFamily family = endpoint?.Metadata.GetMetadata<ErrorFamilyMetadata>()?.Family ?? ErrorFamily.Native;
        string traceId = TraceIdOf(httpContext);
        MappedError error = ErrorMapper.Map(exception, traceId);
        if (error.IsServerFault)
        {
            LogUnexpected(logger, exception, traceId, httpContext.Request.Path.Value ?? "");
        }

        if (exception is RateLimitedError limited)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(limited.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        switch (family)
        {
            case ErrorFamily.Soda:
                await SodaErrorWriter.WriteAsync(httpContext.Response, error, cancellationToken);
                break;
            case ErrorFamily.Pages:
                await WritePageAsync(httpContext, error, cancellationToken);
                break;
            case ErrorFamily.Ckan:
                await CkanErrorWriter.WriteAsync(httpContext, error, cancellationToken);
                break;
            default:
                await ProblemDetailsErrorWriter.WriteAsync(httpContext, error, traceId, cancellationToken);
                break;
        }

        return true;
    }

    internal static string TraceIdOf(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    private static async Task WritePageAsync(HttpContext context, MappedError error, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = error.Status;
        if (context.Features.Get<IStatusCodePagesFeature>() is { Enabled: true })
        {
            // An empty body: the status code pages middleware re-executes the portal's error page with the layout.
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        string message = WebUtility.HtmlEncode(error.Message);
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error {error.Status} - CivicData</title></head><body><main><h1>Error {error.Status}</h1><p>{message}</p><p><a href=\"/\">CivicData home</a></p></main></body></html>",
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error {TraceId} while serving {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string traceId, string path);
}
