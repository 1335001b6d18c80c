using System.Text.Json;
using CivicData.Catalog;
using CivicData.Catalog.Accounts;
using CivicData.Catalog.Datasets;
using CivicData.Core;
using CivicData.Web.Datasets;
using CivicData.Web.Errors;
using CivicData.Web.Soda;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CivicData.Web.Views;

/// <summary>
/// Editing a dataset's metadata the Socrata way (soda.md §2.3, §2.4): <c>PATCH /api/views/metadata/v1/{id}</c> with a
/// partial metadata object, and <c>PUT /api/views/{id}.json</c> with a partial view (sodapy's update_metadata). Same
/// rules as the producer API: publishers of the dataset's organisation and admins, audited; no CORS.
/// </summary>
public static class MetadataEditEndpoints
{
    private const string ContentType = "application/json; charset=UTF-8";

    /// <summary>Metadata is small; anything bigger is a mistake or an attack.</summary>
    private const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapMetadataEditing(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/api/views")
            .WithTags("SODA views")
            .WithErrorFamily(ErrorFamily.Soda)
            .WithMetadata(new SkipStatusCodePagesAttribute());

        group.MapPatch("/metadata/v1/{id}", PatchMetadataAsync)
            .WithName("PatchMetadataV1")
            .WithSummary("Change a dataset's metadata, Socrata metadata API v1")
            .WithDescription("Body: the fields to change (name, description, category, tags, license, attribution, attributionLink, contactEmail, " +
                             "customFields {\"Dataset Information\": {Department}, \"Common Core\": {Publisher, Contact Name, Temporal, Spatial, Frequency, ...}}). " +
                             "?validateOnly=true answers the would-be result without saving; ?strict=true refuses unknown fields instead of ignoring them.")
            .Produces<MetadataDto>(StatusCodes.Status200OK, ContentType)
            .WithEditResponses();
        group.MapPut("/{resource}", PutViewAsync)
            .WithName("UpdateView")
            .WithSummary("Change a dataset's metadata through its view")
            .WithDescription("Body: a partial view object; name, description, category, tags, attribution, attributionLink, license and metadata.custom_fields are applied, other keys ignored.")
            .Produces<ViewDto>(StatusCodes.Status200OK, ContentType)
            .WithEditResponses();
        return endpoints;
    }

    private static RouteHandlerBuilder WithEditResponses(this RouteHandlerBuilder builder) => builder
        .Produces(StatusCodes.Status400BadRequest, contentType: ContentType)
        .Produces(StatusCodes.Status401Unauthorized, contentType: ContentType)
        .Produces(StatusCodes.Status403Forbidden, contentType: ContentType)
        .Produces(StatusCodes.Status404NotFound, contentType: ContentType);

    private static async Task<JsonHttpResult<MetadataDto>> PatchMetadataAsync(
        string id, HttpContext context, DatasetCaller caller, [AsParameters] MetadataEditServices services, CancellationToken cancellationToken)
    {
        VisibleDataset dataset = await SodaWriteAccess.FindWritableAsync(id, caller, services.Queries, cancellationToken);
        bool strict = IsTrue(context.Request.Query["strict"]);
        using JsonDocument body = await ReadBodyAsync(context.Request, cancellationToken);
        MetadataPatch patch = MetadataPatch.FromV1(dataset.Metadata, body.RootElement, strict);
        CheckDepartment(caller, patch.Result);
        if (IsTrue(context.Request.Query["validateOnly"]))
        {
            return TypedResults.Json(ViewsEndpoints.ToMetadata(dataset.Record with { Metadata = patch.Result }, context.Request), ViewsEndpoints.MetadataJsonOptions, ContentType);
        }

        DatasetRecord updated = await SaveAsync(dataset, patch, caller, services, cancellationToken);
        return TypedResults.Json(ViewsEndpoints.ToMetadata(updated, context.Request), ViewsEndpoints.MetadataJsonOptions, ContentType);
    }

    private static async Task<JsonHttpResult<ViewDto>> PutViewAsync(
        string resource, HttpContext context, DatasetCaller caller, [AsParameters] MetadataEditServices services, CancellationToken cancellationToken)
    {
        string id = resource.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? resource[..^".json".Length] : resource;
        VisibleDataset dataset = await SodaWriteAccess.FindWritableAsync(id, caller, services.Queries, cancellationToken);
        using JsonDocument body = await ReadBodyAsync(context.Request, cancellationToken);
        MetadataPatch patch = MetadataPatch.FromView(dataset.Metadata, body.RootElement);
        CheckDepartment(caller, patch.Result);
        await SaveAsync(dataset, patch, caller, services, cancellationToken);
        VisibleDataset updated = await services.Queries.FindAsync(id, caller, cancellationToken);
        return TypedResults.Json(ViewsEndpoints.ToView(updated), ViewsEndpoints.JsonOptions, ContentType);
    }

    /// <summary>Moving a dataset to another organisation needs the right to publish there too.</summary>
    private static void CheckDepartment(DatasetCaller caller, DatasetMetadata result)
    {
        if (!caller.MayPublish(result.Department))
        {
            throw new PermissionDeniedError("permission_denied", $"You may not give a dataset to the organisation '{result.Department}'.");
        }
    }

    private static async Task<DatasetRecord> SaveAsync(VisibleDataset dataset, MetadataPatch patch, DatasetCaller caller, MetadataEditServices services, CancellationToken cancellationToken)
    {
        DatasetRecord updated = await services.Catalog.UpdateMetadataAsync(dataset.Id, patch.Result, cancellationToken);
        // Not cancelled with the request: the change is saved, so its audit line must be written too.
        await SodaWriteAccess.AuditAsync(services.Accounts, caller, "dataset.metadata", dataset, AuditDetails.Of(("fields", patch.Changed)), CancellationToken.None);
        return updated;
    }

    private static async Task<JsonDocument> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        SodaRowBodyReader.LimitBody(request, MaxBodyBytes);
        try
        {
            return await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException)
        {
            throw new ValidationError("metadata.malformed", "The body is not valid JSON: send a JSON object of the fields to change.");
        }
    }

    private static bool IsTrue(string? value) => bool.TryParse(value, out bool flag) && flag;

    /// <summary>What the editing handlers need, bound together.</summary>
    internal readonly record struct MetadataEditServices(DatasetQueryService Queries, ICatalogStore Catalog, IAccountStore Accounts);
}
