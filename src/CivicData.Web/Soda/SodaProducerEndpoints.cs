using CivicData.Catalog.Accounts;
using CivicData.Core;
using CivicData.Ingest.Publishing;
using CivicData.Storage.Loading;
using CivicData.Web.Datasets;
using CivicData.Web.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CivicData.Web.Soda;

/// <summary>
/// SODA's producer API (soda.md §2.2): upsert, replace and delete rows over <c>/resource</c>. Every call is one new
/// version built beside the current one and switched to atomically by <see cref="DatasetPublisher"/>, so a call that
/// fails changes nothing. Writes send no CORS headers (style.md §5).
/// </summary>
public static class SodaProducerEndpoints
{
    private const string ContentType = "application/json; charset=UTF-8";

    public static IEndpointRouteBuilder MapSodaProducer(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/resource")
            .WithTags("SODA producer")
            .WithErrorFamily(ErrorFamily.Soda)
            .WithMetadata(new SkipStatusCodePagesAttribute());

        group.MapPost("/{resource}", UpsertAsync)
            .WithName("UpsertDatasetRows")
            .WithSummary("Upsert rows")
            .WithDescription("Body: a JSON array of row objects (or CSV with a header of field names, as text/csv). Rows are matched by the dataset's " +
                             "row identifier, else by :id: matches are updated (only the fields sent), the rest created; rows with \":deleted\": true are deleted.")
            .WithWriteResponses();
        group.MapPut("/{resource}", ReplaceAsync)
            .WithName("ReplaceDatasetRows")
            .WithSummary("Replace all rows")
            .WithDescription("The body's rows (JSON array or CSV) become the dataset's rows, in one new version.")
            .WithWriteResponses();
        group.MapDelete("/{resource}", TruncateAsync)
            .WithName("TruncateDatasetRows")
            .WithSummary("Delete all rows")
            .WithDescription("Empties the dataset (soda-js truncate), keeping its columns.")
            .WithWriteResponses();
        group.MapPost("/{resource}/{rowId}", UpdateRowAsync)
            .WithName("UpdateDatasetRow")
            .WithSummary("Update one row")
            .WithDescription("Body: one row object. Updates the fields sent of the row whose identifier (or :id) is in the path, or creates it.")
            .WithWriteResponses();
        group.MapPut("/{resource}/{rowId}", ReplaceRowAsync)
            .WithName("ReplaceDatasetRow")
            .WithSummary("Replace one row")
            .WithDescription("Body: one row object. Writes the row whose identifier (or :id) is in the path; fields not sent become null.")
            .WithWriteResponses();
        group.MapDelete("/{resource}/{rowId}", DeleteRowAsync)
            .WithName("DeleteDatasetRow")
            .WithSummary("Delete one row")
            .WithDescription("Deletes the row whose identifier (or :id) is in the path; 404 query.row.does-not-exist when there is none.")
            .WithWriteResponses();
        return endpoints;
    }

    private static RouteHandlerBuilder WithWriteResponses(this RouteHandlerBuilder builder) => builder
        .Produces<UpsertResultDto>(StatusCodes.Status200OK, ContentType)
        .Produces(StatusCodes.Status400BadRequest, contentType: ContentType)
        .Produces(StatusCodes.Status401Unauthorized, contentType: ContentType)
        .Produces(StatusCodes.Status403Forbidden, contentType: ContentType)
        .Produces(StatusCodes.Status404NotFound, contentType: ContentType)
        .Produces(StatusCodes.Status413PayloadTooLarge, contentType: ContentType);

    private static async Task<JsonHttpResult<UpsertResultDto>> UpsertAsync(string resource, HttpContext context, DatasetCaller caller, [AsParameters] ProducerServices services, CancellationToken cancellationToken)
    {
        VisibleDataset dataset = await FindAsync(resource, context, caller, services, cancellationToken);
        IReadOnlyList<RowChange> rows = await SodaRowBodyReader.ReadAsync(context.Request, services.Options.Value.MaxBodyBytes, cancellationToken);
        RowChangeResult result = await services.Publisher.ApplyRowChangesAsync(new RowChangeRequest(dataset.Id, RowChangeMode.Upsert, rows), cancellationToken);
        return await AnswerAsync("dataset.upsert", dataset, result, caller, services, cancellationToken);
    }

    private static async Task<JsonHttpResult<UpsertResultDto>> ReplaceAsync(string resource, HttpContext context, DatasetCaller caller, [AsParameters] ProducerServices services, CancellationToken cancellationToken)
    {
        VisibleDataset dataset = await FindAsync(resource, context, caller, services, cancellationToken);
        IReadOnlyList<RowChange> rows = await SodaRowBodyReader.ReadAsync(context.Request, services.Options.Value.MaxBodyBytes, cancellationToken);
        RowChangeResult result = await services.Publisher.ApplyRowChangesAsync(new RowChangeRequest(dataset.Id, RowChangeMode.Replace, rows), cancellationToken);
        return await AnswerAsync("dataset.replace", dataset, result, caller, services, cancellationToken);
    }

    private static async Task<JsonHttpResult<UpsertResultDto>> TruncateAsync(string resource, HttpContext context, DatasetCaller caller, [AsParameters] ProducerServices services, CancellationToken cancellationToken)
    {
        VisibleDataset dataset = await FindAsync(resource, context, caller, services, cancellationToken);
        RowChangeResult result = await services.Publisher.ApplyRowChangesAsync(new RowChangeRequest(dataset.Id, RowChangeMode.Replace, []), cancellationToken);
        return await AnswerAsync("dataset.truncate", dataset, result with { Counts = result.Counts with { Deleted = dataset.Version.RowCount } }, caller, services, cancellationToken);
    }

    private static async Task<JsonHttpResult<UpsertResultDto>> UpdateRowAsync(string resource, string rowId, HttpContext context, DatasetCaller caller, [AsParameters] ProducerServices services, CancellationToken cancellationToken)
    {
        VisibleDataset dataset = await FindAsync(resource, context, caller, services, cancellationToken);
        RowChange row = Identified(dataset, rowId, await ReadOneRowAsync(context, services, cancellationToken), fillMissing: false);
        RowChangeResult result = await services.Publisher.ApplyRowChangesAsync(new RowChangeRequest(dataset.Id, RowChangeMode.Upsert, [row]), cancellationToken);
        return await AnswerAsync("dataset.update-row", dataset, result, caller, services, cancellationToken);
    }

    private static async Task<JsonHttpResult<UpsertResultDto>> ReplaceRowAsync(string resource, string rowId, HttpContext context, DatasetCaller caller, [AsParameters] ProducerServices services, CancellationToken cancellationToken)
    {
        VisibleDataset dataset = await FindAsync(resource, context, caller, services, cancellationToken);
        RowChange row = Identified(dataset, rowId, await ReadOneRowAsync(context, services, cancellationToken), fillMissing: true);
        RowChangeResult result = await services.Publisher.ApplyRowChangesAsync(new RowChangeRequest(dataset.Id, RowChangeMode.Upsert, [row]), cancellationToken);
        return await AnswerAsync("dataset.replace-row", dataset, result, caller, services, cancellationToken);
    }

    private static async Task<JsonHttpResult<UpsertResultDto>> DeleteRowAsync(string resource, string rowId, HttpContext context, DatasetCaller caller, [AsParameters] ProducerServices services, CancellationToken cancellationToken)
    {
        VisibleDataset dataset = await FindAsync(resource, context, caller, services, cancellationToken);
        RowChange row = Identified(dataset, rowId, new RowChange { Values = new Dictionary<string, string?>(), Deleted = true }, fillMissing: false);
        RowChangeResult result = await services.Publisher.ApplyRowChangesAsync(new RowChangeRequest(dataset.Id, RowChangeMode.Upsert, [row]), cancellationToken);
        if (result.Counts.Deleted == 0)
        {
            throw new NotFoundError("query.row.does-not-exist", $"Row '{TrimJson(rowId)}' does not exist in dataset {dataset.Id}.",
                new Dictionary<string, object?> { ["row"] = TrimJson(rowId), ["dataset"] = dataset.Id.Value });
        }

        return await AnswerAsync("dataset.delete-row", dataset, result, caller, services, cancellationToken);
    }

    private static Task<VisibleDataset> FindAsync(string resource, HttpContext context, DatasetCaller caller, ProducerServices services, CancellationToken cancellationToken) =>
        SodaWriteAccess.FindWritableAsync(SodaEndpoints.SplitResource(resource, context.Request).Id, caller, services.Queries, cancellationToken);

    private static async Task<RowChange> ReadOneRowAsync(HttpContext context, ProducerServices services, CancellationToken cancellationToken)
    {
        IReadOnlyList<RowChange> rows = await SodaRowBodyReader.ReadAsync(context.Request, services.Options.Value.MaxBodyBytes, cancellationToken);
        return rows.Count == 1 ? rows[0] : throw new ValidationError("row.malformed", "Send exactly one row object to write a single row.");
    }

    /// <summary>
    /// The row named by the path: the value of the dataset's row-identifier column, or else an <c>:id</c>. With
    /// <paramref name="fillMissing"/>, every column the body leaves out is written as null (a PUT replaces the row).
    /// </summary>
    private static RowChange Identified(VisibleDataset dataset, string rowId, RowChange row, bool fillMissing)
    {
        string id = TrimJson(rowId);
        var values = new Dictionary<string, string?>(row.Values, StringComparer.Ordinal);
        if (fillMissing)
        {
            foreach (Core.Schema.ColumnSchema column in dataset.Columns)
            {
                values.TryAdd(column.FieldName, null);
            }
        }

        if (dataset.Record.RowIdentifier is { } field)
        {
            values[field] = id;
            return row with { Values = values, RowId = null };
        }

        return row with { Values = values, RowId = id };
    }

    private static string TrimJson(string rowId) => rowId.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? rowId[..^".json".Length] : rowId;

    private static async Task<JsonHttpResult<UpsertResultDto>> AnswerAsync(string action, VisibleDataset dataset, RowChangeResult result, DatasetCaller caller, ProducerServices services, CancellationToken cancellationToken)
    {
        RowChangeCounts counts = result.Counts;
        string details = AuditDetails.Of(
            ("version", result.Version),
            ("rowsCreated", counts.Created),
            ("rowsUpdated", counts.Updated),
            ("rowsDeleted", counts.Deleted),
            ("errors", counts.Errors));
        // Not cancelled with the request: the new version is already current, so its audit line must be written too.
        await SodaWriteAccess.AuditAsync(services.Accounts, caller, action, dataset, details, CancellationToken.None);
        return TypedResults.Json(UpsertResultDto.From(counts), (System.Text.Json.JsonSerializerOptions?)null, ContentType);
    }

    /// <summary>What every write handler needs, bound together.</summary>
    internal readonly record struct ProducerServices(
        DatasetQueryService Queries,
        DatasetPublisher Publisher,
        IAccountStore Accounts,
        IOptions<SodaProducerOptions> Options);
}
