using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CivicData.Web.OpenApi;

/// <summary>
/// Gives SODA's producer calls that add or change rows a JSON body with an example over the demo's LA 311 rows: the
/// handlers read the body themselves, so the generator cannot see it. Replacing every row gets no example on purpose:
/// trying one out would leave the demo dataset with a single row.
/// </summary>
internal sealed class SodaProducerExampleTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        string? path = context.Description.RelativePath;
        if (path is null || !path.StartsWith("resource/", StringComparison.OrdinalIgnoreCase) || operation.RequestBody is not null)
        {
            return Task.CompletedTask;
        }

        bool oneRow = path.EndsWith("{rowId}", StringComparison.Ordinal);
        bool post = string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase);
        bool put = string.Equals(context.Description.HttpMethod, "PUT", StringComparison.OrdinalIgnoreCase);
        JsonNode? example = (post, put, oneRow) switch
        {
            (true, _, false) => new JsonArray(
                new JsonObject { ["srnumber"] = DemoExamples.RowIdentifier, ["status"] = "Open" },
                new JsonObject { ["srnumber"] = "1-900000001", ["requesttype"] = "Graffiti Removal", ["status"] = "Open" }),
            (true, _, true) or (_, true, true) => new JsonObject { ["status"] = "Pending", ["actiontaken"] = "SR Updated" },
            _ => null,
        };
        if (example is null)
        {
            return Task.CompletedTask;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = oneRow ? "One row object: field name to value." : "A JSON array of row objects; \":deleted\": true deletes a row.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchema { Type = oneRow ? JsonSchemaType.Object : JsonSchemaType.Array }, Example = example },
            },
        };
        return Task.CompletedTask;
    }
}
