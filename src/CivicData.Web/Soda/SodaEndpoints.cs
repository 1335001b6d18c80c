using CivicData.Web.Datasets;
using CivicData.Web.Errors;
using CivicData.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CivicData.Web.Soda;

/// <summary>The SODA 2.1 consumer API (soda.md §2.1, §3, §7).</summary>
public static class SodaEndpoints
{
    public static IEndpointRouteBuilder MapSoda(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/resource")
            .WithTags("SODA")
            .WithErrorFamily(ErrorFamily.Soda)
            .RequireCors(ReadApiConventions.CorsPolicy)
            .WithMetadata(new SkipStatusCodePagesAttribute());

        // One route for ".json", ".csv", ".geojson" and no extension: the 4x4 never holds a dot, so we split it ourselves.
        group.MapGet("/{resource}", GetRowsAsync)
            .WithName("GetDatasetRows")
            .WithSummary("Query a dataset's rows")
            .WithDescription("Runs SoQL ($select, $where, $order, $group, $having, $limit, $offset, $q, $query and simple field=value filters) and streams the rows as JSON, CSV or GeoJSON.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: ["text/csv", "application/vnd.geo+json"])
            .Produces(StatusCodes.Status304NotModified);
        return endpoints;
    }

    private static async Task<IResult> GetRowsAsync(string resource, HttpContext context, DatasetQueryService queries, CancellationToken cancellationToken)
    {
        (string id, SodaFormat format) = SplitResource(resource, context.Request);
        VisibleDataset dataset = await queries.FindAsync(id, DatasetCaller.FromContext(context), cancellationToken);
        SodaQueryString query = SodaRequestParser.Parse(context.Request.Query);
        bool bom = format == SodaFormat.Csv && query.ByteOrderMark;
        PreparedQuery prepared = queries.Prepare(dataset, query.Request, bom ? format.Extension + "+bom" : format.Extension);
        return new RowStreamResult(queries, prepared, format.CreateWriter(bom));
    }

    /// <summary>"abcd-1234.csv" → (abcd-1234, CSV); without a known extension the Accept header decides.</summary>
    internal static (string Id, SodaFormat Format) SplitResource(string resource, HttpRequest request)
    {
        int dot = resource.LastIndexOf('.');
        if (dot > 0 && SodaFormat.TryFromExtension(resource[(dot + 1)..], out SodaFormat? format))
        {
            return (resource[..dot], format);
        }

        return (resource, SodaFormat.FromAccept(request.GetTypedHeaders().Accept));
    }
}
