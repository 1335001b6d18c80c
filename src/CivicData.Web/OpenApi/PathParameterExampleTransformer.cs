using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CivicData.Web.OpenApi;

/// <summary>
/// Gives route parameters an example (a demo dataset id) and a description wherever their endpoint gave none, so every
/// path in the document can be called as written.
/// </summary>
internal sealed class PathParameterExampleTransformer(IHttpContextAccessor httpContextAccessor) : IOpenApiOperationTransformer
{
    private const string DomainParameter = "domain";

    private static readonly FrozenDictionary<string, (JsonNode Example, string Description)> s_byName =
        new Dictionary<string, (JsonNode, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["resource"] = (DemoExamples.DatasetId + ".json", "The dataset's 4x4 id, optionally followed by the format's extension (.json, .csv, .geojson)."),
            ["id"] = (DemoExamples.DatasetId, "The dataset's 4x4 id."),
            ["documentName"] = (OpenApiServiceCollectionExtensions.DocumentName, "The OpenAPI document's name."),
            ["category"] = ("City-Services", "The dataset's category, as Socrata puts it in a permalink (any text)."),
            ["name"] = ("MyLA311-Service-Requests", "The dataset's name, as Socrata puts it in a permalink (any text)."),
            ["version"] = (3, "The CKAN API version: 1, 2 or 3."),
            ["rowId"] = (DemoExamples.RowIdentifier, "The row's identifier value (or its :id), optionally followed by .json."),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (OpenApiParameter parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In != ParameterLocation.Path || parameter.Name is null)
            {
                continue;
            }

            if (s_byName.TryGetValue(parameter.Name, out var known))
            {
                parameter.Example ??= known.Example.DeepClone();
                parameter.Description ??= known.Description;
            }
            else if (string.Equals(parameter.Name, DomainParameter, StringComparison.OrdinalIgnoreCase)
                && httpContextAccessor.HttpContext?.Request.Host.Host is { } host)
            {
                // Socrata's domain is the portal's own host name: the one the reader is using.
                parameter.Example ??= JsonValue.Create(host);
                parameter.Description ??= "The portal's host name; another domain has nothing.";
            }
        }

        return Task.CompletedTask;
    }
}
