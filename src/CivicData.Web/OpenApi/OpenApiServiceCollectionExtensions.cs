using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace CivicData.Web.OpenApi;

/// <summary>Registers the one OpenAPI document ("v1") that describes every front door.</summary>
public static class OpenApiServiceCollectionExtensions
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // Before the portal's transformer, which lists the tags that the final set of operations uses.
            options.AddDocumentTransformer<CkanActionPathsTransformer>();
            options.AddDocumentTransformer<PortalDocumentTransformer>();
            options.AddOperationTransformer<PathParameterExampleTransformer>();
            options.AddOperationTransformer<SoqlParameterTransformer>();
            options.AddOperationTransformer<DiscoveryParameterTransformer>();
            options.AddOperationTransformer<SodaProducerExampleTransformer>();
        });
        return services;
    }
}
