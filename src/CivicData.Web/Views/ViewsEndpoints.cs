using System.Text.Json;
using CivicData.Catalog.Datasets;
using CivicData.Core.Schema;
using CivicData.Web.Datasets;
using CivicData.Web.Errors;
using CivicData.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CivicData.Web.Views;

/// <summary>Socrata's metadata API, <c>GET /api/views/{4x4}.json</c> (soda.md §2.3).</summary>
public static class ViewsEndpoints
{
    private const string ContentType = "application/json; charset=UTF-8";

    /// <summary>How a view is serialised; the rows.json download embeds the same object.</summary>
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEndpointRouteBuilder MapViews(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/api/views")
            .WithTags("SODA views")
            .WithErrorFamily(ErrorFamily.Soda)
            .RequireCors(ReadApiConventions.CorsPolicy)
            .WithMetadata(new SkipStatusCodePagesAttribute());

        group.MapGet("/{resource}", GetViewAsync)
            .WithName("GetView")
            .WithSummary("A dataset's metadata as a Socrata view")
            .WithDescription("Name, description, category, tags, licence, times (UNIX seconds) and columns with their SODA types.");
        return endpoints;
    }

    private static async Task<JsonHttpResult<ViewDto>> GetViewAsync(string resource, HttpContext context, DatasetQueryService queries, CancellationToken cancellationToken)
    {
        string id = resource.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? resource[..^".json".Length] : resource;
        VisibleDataset dataset = await queries.FindAsync(id, DatasetCaller.FromContext(context), cancellationToken);
        context.Response.Headers.AccessControlAllowOrigin = "*";
        return TypedResults.Json(ToView(dataset), JsonOptions, ContentType);
    }

    internal static ViewDto ToView(VisibleDataset dataset)
    {
        DatasetMetadata metadata = dataset.Metadata;
        var customFields = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        if (metadata.Department is { Length: > 0 } department)
        {
            customFields["Dataset Information"] = new Dictionary<string, string> { ["Department"] = department };
        }

        ColumnSchema? rowIdentifier = dataset.Record.RowIdentifier is { } field ? dataset.Schema.FindColumn(field) : null;
        return new ViewDto
        {
            Id = dataset.Id.Value,
            Name = metadata.Title,
            Description = metadata.Description,
            Category = metadata.Category,
            Attribution = metadata.Attribution,
            AttributionLink = metadata.AttributionLink,
            CreatedAt = dataset.Record.CreatedAt.ToUnixTimeSeconds(),
            PublicationDate = dataset.Version.CreatedAt.ToUnixTimeSeconds(),
            RowsUpdatedAt = dataset.DataUpdatedAt.ToUnixTimeSeconds(),
            ViewLastModified = dataset.Record.MetadataUpdatedAt.ToUnixTimeSeconds(),
            LicenseId = SocrataLicenses.IdFor(metadata.License),
            License = metadata.License is { Length: > 0 } license ? new ViewLicenseDto(license, metadata.LicenseUrl) : null,
            Oid = dataset.Version.Number,
            TableId = dataset.Version.Number,
            RowIdentifierColumnId = rowIdentifier?.ColumnId,
            Tags = metadata.Tags.IsDefault ? [] : metadata.Tags,
            Metadata = new ViewMetadataDto { CustomFields = customFields, RowIdentifier = rowIdentifier?.FieldName },
            Columns = [.. dataset.Columns.Select(ToColumn)],
        };
    }

    private static ViewColumnDto ToColumn(ColumnSchema column) => new()
    {
        Id = column.ColumnId,
        Name = column.DisplayName,
        DataTypeName = column.Type.ToViewsName(),
        RenderTypeName = column.Type.ToViewsName(),
        Description = column.Description,
        FieldName = column.FieldName,
        Position = column.Position,
        TableColumnId = column.ColumnId,
    };
}
