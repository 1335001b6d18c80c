using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;
using CivicData.Core;
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

/// <summary>Socrata's views API, <c>GET /api/views/{4x4}.json</c> (soda.md §2.3), and metadata API v1 (§2.4).</summary>
public static class ViewsEndpoints
{
    private const string ContentType = "application/json; charset=UTF-8";

    /// <summary>Datasets read from the catalog per search while listing (the store's largest page).</summary>
    private const int ListChunk = 1000;

    /// <summary>How a view is serialised; the rows.json download embeds the same object.</summary>
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The metadata API writes every key, null or not, as Socrata does.</summary>
    internal static readonly JsonSerializerOptions MetadataJsonOptions = new(JsonSerializerDefaults.Web)
    {
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
            .WithDescription("Name, description, category, tags, licence, owner, times (UNIX seconds) and columns with their SODA types.")
            .Produces<ViewDto>(StatusCodes.Status200OK, "application/json");
        group.MapGet("/metadata/v1", ListMetadataAsync)
            .WithName("ListMetadataV1")
            .WithSummary("Every dataset's metadata, Socrata metadata API v1")
            .WithDescription("A JSON array of flat metadata objects, ordered by id; ?limit=N&page=P (1-based) pages it, without limit every dataset the caller may see is listed.")
            .Produces<IReadOnlyList<MetadataDto>>(StatusCodes.Status200OK, "application/json");
        group.MapGet("/metadata/v1/{id}", GetMetadataAsync)
            .WithName("GetMetadataV1")
            .WithSummary("One dataset's metadata, Socrata metadata API v1")
            .WithDescription("Id, name, description, category, tags, licence, attribution, contact, domain, data and web URIs, ISO 8601 times and custom fields.")
            .Produces<MetadataDto>(StatusCodes.Status200OK, "application/json");
        return endpoints;
    }

    private static async Task<JsonHttpResult<MetadataDto>> GetMetadataAsync(string id, HttpContext context, DatasetCaller caller, DatasetQueryService queries, CancellationToken cancellationToken)
    {
        VisibleDataset dataset = await queries.FindAsync(id, caller, cancellationToken);
        context.Response.Headers.AccessControlAllowOrigin = "*";
        return TypedResults.Json(ToMetadata(dataset.Record, context.Request), MetadataJsonOptions, ContentType);
    }

    private static async Task<JsonHttpResult<List<MetadataDto>>> ListMetadataAsync(
        HttpContext context, DatasetCaller caller, VisibleCatalogSearch search, CancellationToken cancellationToken)
    {
        int? limit = ReadPositive(context.Request.Query["limit"], "limit");
        int page = ReadPositive(context.Request.Query["page"], "page") ?? 1;
        long offset = limit is int size ? (long)(page - 1) * size : 0;
        var listed = new List<MetadataDto>();
        if (offset < int.MaxValue)
        {
            await foreach (DatasetRecord record in ReadAsync(search, caller, (int)offset, limit, cancellationToken))
            {
                listed.Add(ToMetadata(record, context.Request));
            }
        }

        context.Response.Headers.AccessControlAllowOrigin = "*";
        return TypedResults.Json(listed, MetadataJsonOptions, ContentType);
    }

    /// <summary>Datasets the caller may see, by id, from <paramref name="offset"/>: all of them, or <paramref name="count"/>.</summary>
    private static async IAsyncEnumerable<DatasetRecord> ReadAsync(
        VisibleCatalogSearch search, DatasetCaller caller, int offset, int? count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int remaining = count ?? int.MaxValue;
        while (remaining > 0)
        {
            int chunk = Math.Min(remaining, ListChunk);
            CatalogSearchResult result = await search.SearchAsync(new CatalogQuery { Sort = CatalogSort.Id, Offset = offset, Limit = chunk }, caller, cancellationToken);
            foreach (DatasetRecord record in result.Datasets)
            {
                yield return record;
            }

            remaining -= result.Datasets.Count;
            offset += result.Datasets.Count;
            if (result.Datasets.Count < chunk || offset >= result.Total)
            {
                yield break;
            }
        }
    }

    private static int? ReadPositive(string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new ValidationError("invalid_parameter", $"'{name}' must be a whole number of at least 1.", new Dictionary<string, object?> { ["parameter"] = name });
    }

    internal static MetadataDto ToMetadata(DatasetRecord record, HttpRequest request)
    {
        DatasetMetadata metadata = record.Metadata;
        string origin = request.Scheme + "://" + request.Host.Value;
        DateTimeOffset dataUpdatedAt = record.DataUpdatedAt ?? record.CreatedAt;
        return new MetadataDto
        {
            Id = record.Id.Value,
            Name = metadata.Title,
            Description = metadata.Description,
            Category = metadata.Category,
            Tags = metadata.Tags.IsDefaultOrEmpty ? null : metadata.Tags,
            License = metadata.License,
            Attribution = metadata.Attribution,
            AttributionLink = metadata.AttributionLink,
            ContactEmail = metadata.ContactEmail,
            Domain = request.Host.Value ?? "",
            DataUri = origin + "/resource/" + record.Id.Value,
            WebUri = origin + "/d/" + record.Id.Value,
            CreatedAt = IsoTime(record.CreatedAt),
            UpdatedAt = IsoTime(dataUpdatedAt > record.MetadataUpdatedAt ? dataUpdatedAt : record.MetadataUpdatedAt),
            DataUpdatedAt = IsoTime(dataUpdatedAt),
            MetadataUpdatedAt = IsoTime(record.MetadataUpdatedAt),
            CustomFields = CustomFields(metadata),
        };
    }

    /// <summary>ISO 8601 in UTC with milliseconds and a Z, as Socrata's newer APIs write times.</summary>
    internal static string IsoTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Socrata groups custom fields by section: <c>{"Dataset Information": {"Department": "..."}, "Common Core": {...}}</c>
    /// (see <see cref="CustomFieldMap"/>, which the metadata editing endpoints write through).
    /// </summary>
    internal static Dictionary<string, IReadOnlyDictionary<string, string>> CustomFields(DatasetMetadata metadata) => CustomFieldMap.Read(metadata);

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
        Dictionary<string, IReadOnlyDictionary<string, string>> customFields = CustomFields(metadata);

        ColumnSchema? rowIdentifier = dataset.Record.RowIdentifier is { } field ? dataset.Schema.FindColumn(field) : null;
        DatasetOwner owner = DatasetOwner.For(metadata);
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
            RowsUpdatedBy = owner.Id,
            Owner = new ViewUserDto(owner.Id, owner.DisplayName, owner.DisplayName, "publisher"),
            TableAuthor = new ViewUserDto(owner.Id, owner.DisplayName, owner.DisplayName, RoleName: null),
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
