using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CivicData.Web.OpenApi;

/// <summary>
/// Adds the Discovery API's main filters, with examples, to its search (<c>GET /api/catalog/v1</c>), whose handler reads
/// them from the raw query string; docs/api.md lists the rest.
/// </summary>
internal sealed class DiscoveryParameterTransformer : IOpenApiOperationTransformer
{
    private const string SearchPath = "api/catalog/v1";

    /// <summary>Examples that together find the demo's LA 311 dataset.</summary>
    private static readonly (string Name, string Description, JsonSchemaType Type, JsonNode Example)[] s_parameters =
    [
        ("q", "Words that must each occur in the name, description, tags, category, department or a column name.", JsonSchemaType.String, "service requests"),
        ("ids", "Only these 4x4 ids (comma-separated or repeated).", JsonSchemaType.String, DemoExamples.DatasetId),
        ("categories", "Any of these categories.", JsonSchemaType.String, "City Services"),
        ("tags", "Any of these tags.", JsonSchemaType.String, "311"),
        ("only", "Asset types: dataset(s) matches every dataset; chart, map, story, … match nothing.", JsonSchemaType.String, "datasets"),
        ("order", "relevance, name, dataset_id, domain_category, createdAt or updatedAt, optionally followed by ASC or DESC.", JsonSchemaType.String, "updatedAt DESC"),
        ("limit", "Results to return (default 100; offset + limit at most 10,000).", JsonSchemaType.Integer, 10),
        ("offset", "Results to skip (default 0).", JsonSchemaType.Integer, 0),
    ];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!string.Equals(context.Description.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)
            || !string.Equals(context.Description.RelativePath?.TrimEnd('/'), SearchPath, StringComparison.OrdinalIgnoreCase))
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        foreach ((string name, string description, JsonSchemaType type, JsonNode example) in s_parameters)
        {
            if (operation.Parameters.Any(parameter => parameter.Name == name))
            {
                continue;
            }

            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Description = description,
                Schema = new OpenApiSchema { Type = type },
                Example = example.DeepClone(),
            });
        }

        return Task.CompletedTask;
    }
}
