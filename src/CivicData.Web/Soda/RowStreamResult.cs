using System.Text.Json;
using CivicData.Web.Datasets;
using CivicData.Web.Soda.Writers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace CivicData.Web.Soda;

/// <summary>
/// A <c>/resource</c> answer: SODA's headers, then either 304 (the ETag matched, the store is never touched) or the
/// rows streamed straight from the reader into the response body.
/// </summary>
internal sealed partial class RowStreamResult(DatasetQueryService queries, PreparedQuery query, IRowWriter writer) : IResult
{
    /// <summary>soda.md §7: omit the field and type headers rather than send something proxies may reject.</summary>
    private const int MaxHeaderLength = 4096;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        HttpResponse response = httpContext.Response;
        WriteHeaders(response);

        if (NotModified(httpContext.Request.GetTypedHeaders()))
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

    /// <summary>
    /// RFC 9110 §13.2.2: If-None-Match decides when present; otherwise If-Modified-Since, at the header's one-second
    /// precision, against the later of the data and metadata change.
    /// </summary>
    private bool NotModified(RequestHeaders request)
    {
        if (request.IfNoneMatch is { Count: > 0 } ifNoneMatch)
        {
            return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(new EntityTagHeaderValue(query.ETag), useStrongComparison: false));
        }

        return request.IfModifiedSince is DateTimeOffset since
            && query.Dataset.LastModified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    private void WriteHeaders(HttpResponse response)
    {
        IHeaderDictionary headers = response.Headers;
        headers.AccessControlAllowOrigin = "*";
        headers["X-Socrata-RequestId"] = Guid.NewGuid().ToString("N");
        headers.ETag = query.ETag;

        string fields = JsonSerializer.Serialize(query.Compiled.Columns.Select(column => column.Name));
        string types = JsonSerializer.Serialize(query.Compiled.Columns.Select(column => CivicData.Core.Schema.SodaTypeNames.ToName(column.Type)));
        if (fields.Length <= MaxHeaderLength && types.Length <= MaxHeaderLength)
        {
            headers["X-SODA2-Fields"] = fields;
            headers["X-SODA2-Types"] = types;
        }

        headers["X-SODA2-Legacy-Types"] = "false";
        headers["X-SODA2-Data-Out-Of-Date"] = "false";
        headers["X-SODA2-Truth-Last-Modified"] = HeaderUtilities.FormatDate(query.Dataset.DataUpdatedAt);
        headers.LastModified = HeaderUtilities.FormatDate(query.Dataset.LastModified);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Query on {DatasetId} failed after rows were sent; connection aborted")]
    private static partial void LogAborted(ILogger logger, Exception exception, string datasetId);
}
