using CivicData.Web.Datasets;
using CivicData.Web.Soda;
using Microsoft.AspNetCore.Http;

namespace CivicData.Web.Downloads;

/// <summary>
/// A Parquet download: SODA's headers, then 304 if the ETag matches (no query runs), else the file DuckDB writes
/// into a temporary path, sent once complete (Parquet's footer comes last) and deleted as it closes.
/// </summary>
internal sealed class ParquetDownloadResult(DatasetQueryService queries, PreparedQuery query) : IResult
{
    public const string ContentType = "application/vnd.apache.parquet";

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

        // Our own name in the temporary folder: nothing from the request reaches the path.
        string path = Path.Combine(Path.GetTempPath(), "civicdata-export-" + Guid.NewGuid().ToString("N") + ".parquet");
        try
        {
            await queries.ExportParquetAsync(query, path, httpContext.RequestAborted);
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = ContentType;
            response.ContentLength = file.Length;
            await file.CopyToAsync(response.Body, httpContext.RequestAborted);
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; so did the export.
        }
        finally
        {
            File.Delete(path);
        }
    }
}
