using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CivicData.Web.OpenApi;

/// <summary>
/// Gives route parameters an example (a demo dataset id) and a description wherever their endpoint gave none, so every
/// path in the document can be called as written.
/// </summary>
internal sealed class PathParameterExampleTransformer : IOpenApiOperationTransformer
{
    private static readonly FrozenDictionary<string, (string Example, string Description)> s_byName =
        new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["resource"] = (DemoExamples.DatasetId + ".json", "The dataset's 4x4 id, optionally followed by the format's extension (.json, .csv, .geojson)."),
            ["id"] = (DemoExamples.DatasetId, "The dataset's 4x4 id."),
            ["documentName"] = (OpenApiServiceCollectionExtensions.DocumentName, "The OpenAPI document's name."),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (OpenApiParameter parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In != ParameterLocation.Path || parameter.Name is null || !s_byName.TryGetValue(parameter.Name, out var known))
            {
                continue;
            }

            parameter.Example ??= JsonValue.Create(known.Example);
            parameter.Description ??= known.Description;
        }

        return Task.CompletedTask;
    }
}
