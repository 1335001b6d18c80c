using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Soql;
using CivicData.Web.Datasets;
using CivicData.Web.Errors;
using CivicData.Web.Hosting;
using CivicData.Web.Soda;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace CivicData.Web.Downloads;

/// <summary>
/// Socrata's full downloads, <c>GET /api/views/{4x4}/rows.csv</c> and <c>rows.json</c> (soda.md §2.3): every row,
/// no limit, streamed; with <c>/resource</c>'s ETag, 304, CORS and Last-Modified behaviour.
/// </summary>
public static class DownloadEndpoints
{
    /// <summary>Every row in load order; <c>?accessType=DOWNLOAD</c>, <c>$$app_token</c> and other parameters are ignored.</summary>
    private static readonly SoqlRequest s_allRows = new() { DefaultLimit = null, MaxLimit = null };

    /// <summary>Every row with <c>:id</c>, <c>:created_at</c> and <c>:updated_at</c> ahead of the user columns.</summary>
    private static readonly SoqlRequest s_allRowsWithSystemFields = s_allRows with { IncludeSystemFields = true };

    /// <summary>
    /// SoQL does not expose <c>:seq</c>, so rows.json adds it as a leading column of the schema it compiles against.
    /// The request is fixed (never caller text), so no query can name it.
    /// </summary>
    private static readonly ColumnSchema s_sequenceColumn = new(ColumnId: -1, SystemColumns.Sequence, SystemColumns.Sequence, SodaType.Number, Position: 0);

    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/api/views/{id}")
            .WithTags("SODA views")
            .WithErrorFamily(ErrorFamily.Soda)
            .RequireCors(ReadApiConventions.CorsPolicy)
            .WithMetadata(new SkipStatusCodePagesAttribute());

        group.MapGet("/rows.csv", GetCsvAsync)
            .WithName("DownloadRowsCsv")
            .WithSummary("Download every row as CSV")
            .WithDescription("Header of column display names, floating timestamps as MM/DD/YYYY hh:mm:ss AM, geometries as WKT. $$bom=true adds a UTF-8 byte order mark.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status304NotModified);
        group.MapGet("/rows.json", GetJsonAsync)
            .WithName("DownloadRowsJson")
            .WithSummary("Download every row as Socrata's legacy rows.json")
            .WithDescription("{\"meta\":{\"view\":…},\"data\":[[…]]}: the view with its system columns, then one array per row.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status304NotModified);

        group.MapGet("/rows.parquet", GetParquetAsync)
            .WithName("DownloadRowsParquet")
            .WithSummary("Download every row as Apache Parquet")
            .WithDescription("Columns named by field name with their types (numbers as DOUBLE, timestamps as TIMESTAMP, checkboxes as BOOLEAN, points as WKT text, other geometries as GeoJSON text), zstd-compressed. $$exclude_system_fields=false adds :id, :created_at and :updated_at.")
            .Produces(StatusCodes.Status200OK, contentType: ParquetDownloadResult.ContentType)
            .Produces(StatusCodes.Status304NotModified);

        // Anything else under a view is a SODA 404, not the portal's error page.
        group.MapGet("/{**rest}", UnknownDownload).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> GetCsvAsync(string id, HttpContext context, DatasetQueryService queries, CancellationToken cancellationToken)
    {
        VisibleDataset dataset = await queries.FindAsync(id, DatasetCaller.FromContext(context), cancellationToken);
        bool bom = SodaRequestParser.IsTrue(context.Request.Query["$$bom"]);
        bool system = SodaRequestParser.IsFalse(context.Request.Query["$$exclude_system_fields"]);
        PreparedQuery query = queries.Prepare(dataset, system ? s_allRowsWithSystemFields : s_allRows, Variant(dataset, bom ? "csv+bom" : "csv")) with { IsDownload = true };
        SetAttachment(context.Response, dataset, "csv");

        // System columns have no display name: their header is the field name, as in /resource.
        ImmutableArray<string> header = system
            ? [.. query.Compiled.Columns.Take(query.Compiled.Columns.Length - dataset.Columns.Length).Select(column => column.Name), .. dataset.Columns.Select(column => column.DisplayName)]
            : [.. dataset.Columns.Select(column => column.DisplayName)];
        return new RowStreamResult(queries, query, new DownloadCsvWriter(header, bom));
    }

    private static async Task<IResult> GetJsonAsync(string id, HttpContext context, DatasetQueryService queries, CancellationToken cancellationToken)
    {
        VisibleDataset dataset = await queries.FindAsync(id, DatasetCaller.FromContext(context), cancellationToken);
        ImmutableArray<ColumnSchema> withSequence = [s_sequenceColumn, .. dataset.Columns];
        VisibleDataset source = dataset with { Schema = dataset.Schema with { Columns = withSequence } };
        PreparedQuery query = queries.Prepare(source, s_allRowsWithSystemFields, Variant(dataset, "json")) with { IsDownload = true };
        SetAttachment(context.Response, dataset, "json");
        return new RowStreamResult(queries, query, new DownloadJsonWriter(DownloadView.Create(dataset)));
    }

    private static async Task<IResult> GetParquetAsync(string id, HttpContext context, DatasetQueryService queries, CancellationToken cancellationToken)
    {
        VisibleDataset dataset = await queries.FindAsync(id, DatasetCaller.FromContext(context), cancellationToken);
        bool system = SodaRequestParser.IsFalse(context.Request.Query["$$exclude_system_fields"]);
        PreparedQuery query = queries.Prepare(dataset, system ? s_allRowsWithSystemFields : s_allRows, Variant(dataset, "parquet")) with { IsDownload = true };
        SetAttachment(context.Response, dataset, "parquet");
        return new ParquetDownloadResult(queries, query);
    }

    private static IResult UnknownDownload() => throw new NotFoundError("not_found", "Not found");

    /// <summary>The ETag variant: the format, and the metadata's age, since names and the view are part of the body.</summary>
    private static string Variant(VisibleDataset dataset, string format) =>
        "download-" + format + "@" + dataset.Record.MetadataUpdatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static void SetAttachment(HttpResponse response, VisibleDataset dataset, string extension)
    {
        var disposition = new ContentDispositionHeaderValue("attachment") { FileName = SafeFileName(dataset) + "." + extension };
        response.Headers.ContentDisposition = disposition.ToString();
    }

    /// <summary>The dataset's name in ASCII letters, digits, '-' and '.', with '_' for each run of anything else.</summary>
    internal static string SafeFileName(VisibleDataset dataset)
    {
        var name = new StringBuilder(dataset.Metadata.Title.Length);
        foreach (char c in dataset.Metadata.Title)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '_')
            {
                name.Append('_');
            }
        }

        string safe = name.ToString().Trim('_', '.');
        return safe.Length > 0 ? safe : dataset.Id.Value;
    }
}
