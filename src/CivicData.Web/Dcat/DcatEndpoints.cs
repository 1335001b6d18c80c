using CivicData.Web.Errors;
using CivicData.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CivicData.Web.Dcat;

/// <summary>
/// The metadata catalogs of dcat-us.md: <c>/data.json</c> (Project Open Data 1.1, what data.gov harvests), and
/// <c>/sitemap.xml</c> and <c>/robots.txt</c> for search engines. They list exactly the datasets an anonymous visitor
/// may open: public and published.
/// </summary>
public static class DcatEndpoints
{
    public static IEndpointRouteBuilder MapDcat(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("")
            .WithTags("DCAT")
            .WithErrorFamily(ErrorFamily.Native)
            .RequireCors(ReadApiConventions.CorsPolicy)
            .WithMetadata(new SkipStatusCodePagesAttribute());

        group.MapGet("/data.json", GetPodCatalogAsync)
            .WithName("GetDataJson")
            .WithSummary("The catalog as Project Open Data 1.1 (DCAT-US 1.1) data.json")
            .WithDescription("Every public, published dataset with its identifier (the dataset page URL), modified time, publisher, contact point, access level and CSV/JSON/GeoJSON/API distributions. Validates against the POD 1.1 schema and data.gov's non-federal variant; ETag and Last-Modified allow revalidation.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status304NotModified);
        group.MapGet("/catalog.ttl", GetTurtleAsync)
            .WithName("GetCatalogTurtle")
            .WithSummary("The catalog as DCAT-US 3.0 / DCAT-AP 3 RDF in Turtle")
            .WithDescription("dcat:Catalog with every public, published dcat:Dataset, its dcat:Distributions, publisher (foaf:Organization) and contact point (vcard:Kind). One triple per line.")
            .Produces(StatusCodes.Status200OK, contentType: "text/turtle")
            .Produces(StatusCodes.Status304NotModified);
        group.MapGet("/sitemap.xml", GetSitemapAsync)
            .WithName("GetSitemap")
            .WithSummary("Sitemap of the portal's public pages")
            .WithDescription("sitemaps.org 0.9: the home page, the data catalog and every public dataset page with lastmod, the dataset's last data or metadata change.")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .Produces(StatusCodes.Status304NotModified);
        group.MapGet("/robots.txt", GetRobotsTxt)
            .WithName("GetRobotsTxt")
            .WithSummary("Crawler rules")
            .WithDescription("Allows every page, keeps crawlers out of the query APIs (/resource/, /api/) and names the sitemap.")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain");
        return endpoints;
    }

    private static async Task<IResult> GetPodCatalogAsync(HttpContext context, PublicCatalog catalog, IOptions<DcatOptions> options, CancellationToken cancellationToken)
    {
        CatalogSnapshot snapshot = await CatalogSnapshot.LoadAsync(context.Request, catalog, options.Value, cancellationToken);
        if (snapshot.IsNotModified(context, "pod-1.1"))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        context.Response.ContentType = PodCatalogWriter.ContentType;
        await PodCatalogWriter.WriteAsync(context.Response.BodyWriter, snapshot.Exported, snapshot.Links, cancellationToken);
        return Results.Empty;
    }

    private static async Task<IResult> GetSitemapAsync(HttpContext context, PublicCatalog catalog, IOptions<DcatOptions> options, CancellationToken cancellationToken)
    {
        CatalogSnapshot snapshot = await CatalogSnapshot.LoadAsync(context.Request, catalog, options.Value, cancellationToken);
        if (snapshot.IsNotModified(context, "sitemap"))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        context.Response.ContentType = SitemapWriter.ContentType;
        await SitemapWriter.WriteAsync(context.Response.Body, snapshot, cancellationToken);
        return Results.Empty;
    }

    private static async Task<IResult> GetTurtleAsync(HttpContext context, PublicCatalog catalog, IOptions<DcatOptions> options, CancellationToken cancellationToken)
    {
        CatalogSnapshot snapshot = await CatalogSnapshot.LoadAsync(context.Request, catalog, options.Value, cancellationToken);
        if (snapshot.IsNotModified(context, "turtle"))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        context.Response.ContentType = TurtleWriter.ContentType;
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        await DcatRdfWriter.WriteAsync(writer, snapshot, cancellationToken);
        return Results.Empty;
    }

    private static IResult GetRobotsTxt(HttpContext context, IOptions<DcatOptions> options) =>
        Results.Text(SitemapWriter.RobotsTxt(CatalogLinks.For(context.Request, options.Value)), "text/plain; charset=utf-8");
}
