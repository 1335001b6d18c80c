using System.Globalization;
using System.Text.Json.Nodes;
using CivicData.Web.Ckan;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CivicData.Web.OpenApi;

/// <summary>
/// CKAN serves every action from one route, <c>/api/3/action/{action}</c>, which tells a reader nothing. This shows
/// each registered action that has examples as a path of its own (GET for read actions, POST with a JSON body), with
/// its help text and parameters; the unversioned <c>/api/action/{action}</c> stays as the route for any action,
/// listing every registered name.
/// </summary>
internal sealed class CkanActionPathsTransformer(CkanActionRegistry registry) : IOpenApiDocumentTransformer
{
    private const string VersionedPath = "/api/3/action/{" + CkanEnvelope.ActionRouteValue + "}";
    private const string UnversionedPath = "/api/action/{" + CkanEnvelope.ActionRouteValue + "}";
    private const string ExampleAction = "package_search";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Paths is null)
        {
            return Task.CompletedTask;
        }

        if (document.Paths.TryGetValue(UnversionedPath, out IOpenApiPathItem? alias))
        {
            DescribeAnyAction(alias);
        }

        if (!document.Paths.TryGetValue(VersionedPath, out IOpenApiPathItem? generic) || generic.Operations is null)
        {
            return Task.CompletedTask;
        }

        OpenApiOperation? get = generic.Operations.GetValueOrDefault(HttpMethod.Get);
        OpenApiOperation? post = generic.Operations.GetValueOrDefault(HttpMethod.Post);
        document.Paths.Remove(VersionedPath);
        foreach (CkanActionExample example in CkanActionExample.All)
        {
            if (registry.Find(example.Name) is not { } action)
            {
                continue;
            }

            var operations = new Dictionary<HttpMethod, OpenApiOperation>();
            if (get is not null && action.IsReadOnly)
            {
                operations[HttpMethod.Get] = Concrete(get, action, example, asBody: false);
            }

            if (post is not null)
            {
                operations[HttpMethod.Post] = Concrete(post, action, example, asBody: true);
            }

            document.Paths.Add("/api/3/action/" + example.Name, new OpenApiPathItem { Operations = operations });
        }

        return Task.CompletedTask;
    }

    private static OpenApiOperation Concrete(OpenApiOperation route, ICkanAction action, CkanActionExample example, bool asBody)
    {
        var operation = new OpenApiOperation(route)
        {
            OperationId = "Ckan" + PascalCase(example.Name) + (asBody ? "Post" : ""),
            Summary = asBody ? example.Name + " (POST, JSON body)" : example.Name,
            Description = action.Help + (asBody
                ? " The parameters travel as one JSON object."
                : " The parameters travel in the query string; POST with a JSON object works too."),
            Parameters = asBody ? [] : [.. example.Parameters.Select(parameter => (IOpenApiParameter)parameter.ToQueryParameter())],
            RequestBody = asBody ? JsonBody(example.Body()) : null,
        };
        return operation;
    }

    private void DescribeAnyAction(IOpenApiPathItem path)
    {
        JsonNode[] names = [.. registry.Names.Select(name => (JsonNode)JsonValue.Create(name))];
        foreach ((HttpMethod method, OpenApiOperation operation) in path.Operations ?? [])
        {
            foreach (OpenApiParameter parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>()
                .Where(parameter => parameter.Name == CkanEnvelope.ActionRouteValue))
            {
                parameter.Description ??= "The action's name.";
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = names };
                parameter.Example = JsonValue.Create(ExampleAction);
            }

            if (method == HttpMethod.Post && CkanActionExample.All.FirstOrDefault(example => example.Name == ExampleAction) is { } example)
            {
                operation.RequestBody ??= JsonBody(example.Body());
            }
        }
    }

    private static OpenApiRequestBody JsonBody(JsonObject example) => new()
    {
        Description = "The action's parameters as one JSON object.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object }, Example = example },
        },
    };

    private static string PascalCase(string name) => string.Concat(name.Split('_')
        .Where(part => part.Length > 0)
        .Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));
}
