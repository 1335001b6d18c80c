using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scalar.AspNetCore;

namespace CivicData.Web.OpenApi;

/// <summary>
/// <c>/openapi/v1.json</c> (the OpenAPI 3.1 document) and <c>/api/docs</c> (Scalar's interactive reference). Scalar's
/// script is embedded in the Scalar.AspNetCore package and served from <c>/api/docs/scalar.js</c>, so the page works
/// without reaching any CDN.
/// </summary>
public static class OpenApiEndpoints
{
    public const string DocumentPath = "/openapi/{documentName}.json";

    public const string DocsPath = "/api/docs";

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentPath)
            .WithName("GetOpenApiDocument")
            .WithTags(ApiFamilies.Native)
            .WithSummary("This OpenAPI 3.1 document")
            .WithDescription("Every documented endpoint of the portal, for code generators and for the reference at /api/docs.")
            .WithMetadata(new IncludeInDescriptionMetadata());

        // Nothing may leave the machine: fonts come from the system, and no telemetry, agent or MCP calls are made.
        endpoints.MapScalarApiReference(DocsPath, options => options
            .WithTitle("CivicData APIs")
            .WithOpenApiRoutePattern(DocumentPath)
            .AddDocument(OpenApiServiceCollectionExtensions.DocumentName)
            .AddPreferredSecuritySchemes(PortalDocumentTransformer.SecuritySchemeName)
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools());
        return endpoints;
    }
}
