using CivicData.Web.Datasets;
using CivicData.Web.Soda.Writers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicData.Web.Soda;

/// <summary>
/// A <c>/resource</c> answer: SODA's headers, then either 304 (the ETag matched, the store is never touched) or the
/// rows streamed straight from the reader into the response body.
/// </summary>
internal sealed partial class RowStreamResult(DatasetQueryService queries, PreparedQuery query, IRowWriter writer) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        HttpResponse response = httpContext.Response;
        SodaResponseHeaders.Write(response, query);

        if (SodaResponseHeaders.NotModified(httpContext.Request.GetTypedHeaders(), query))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = writer.ContentType;
        var output = new StartTrackingPipeWriter(response.BodyWriter);
        try
        {
            await queries.WriteAsync(query, writer, output, httpContext.RequestAborted);
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; the query was cancelled with it and there is nobody left to tell.
        }
        catch (Exception exception) when (output.Started || response.HasStarted)
        {
            // Rows have gone out (or sit in Kestrel's buffer) under a 200: the only honest signal left is to cut the
            // connection, so the client sees a truncated transfer instead of a short but apparently complete result.
            ILogger logger = httpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<RowStreamResult>();
            LogAborted(logger, exception, query.Dataset.Id.Value);
            httpContext.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Query on {DatasetId} failed after rows were sent; connection aborted")]
    private static partial void LogAborted(ILogger logger, Exception exception, string datasetId);
}
