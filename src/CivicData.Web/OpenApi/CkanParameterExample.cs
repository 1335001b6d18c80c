using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CivicData.Web.OpenApi;

/// <summary>One parameter of a CKAN action and an example value, typed as it travels in a JSON body.</summary>
internal sealed record CkanParameterExample(string Name, string Description, JsonNode Example)
{
    public CkanParameterExample(string name, string description, string example)
        : this(name, description, JsonValue.Create(example))
    {
    }

    public CkanParameterExample(string name, string description, int example)
        : this(name, description, JsonValue.Create(example))
    {
    }

    public CkanParameterExample(string name, string description, bool example)
        : this(name, description, JsonValue.Create(example))
    {
    }

    /// <summary>
    /// The same parameter in a query string: numbers and booleans as themselves, lists as JSON text, which CKAN reads
    /// for its JSON-valued parameters (facet.field).
    /// </summary>
    public OpenApiParameter ToQueryParameter() => new()
    {
        Name = Name,
        In = ParameterLocation.Query,
        Description = Description,
        Schema = new OpenApiSchema
        {
            Type = Example.GetValueKind() switch
            {
                JsonValueKind.Number => JsonSchemaType.Integer,
                JsonValueKind.True or JsonValueKind.False => JsonSchemaType.Boolean,
                _ => JsonSchemaType.String,
            },
        },
        Example = Example.GetValueKind() == JsonValueKind.Array ? JsonValue.Create(Example.ToJsonString()) : Example.DeepClone(),
    };
}
