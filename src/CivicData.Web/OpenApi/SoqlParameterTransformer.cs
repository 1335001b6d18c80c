using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CivicData.Web.OpenApi;

/// <summary>
/// Adds SoQL's query parameters, with examples, to SODA's row queries (<c>GET /resource/{resource}</c>). The handler
/// reads them from the raw query string, so the generator cannot see them.
/// </summary>
internal sealed class SoqlParameterTransformer : IOpenApiOperationTransformer
{
    /// <summary>Examples that make one grouped query together; <c>$query</c> says the same as one statement.</summary>
    private static readonly (string Name, string Description, string Example)[] s_parameters =
    [
        ("$select", "Output columns and expressions, with optional `AS alias`; `*` for every user column, `:*` for the system columns.", "requesttype, count(*) AS n"),
        ("$where", "Filter on rows (SoQL boolean expression).", "cd = 10"),
        ("$order", "`expr [ASC|DESC] [NULL(S) FIRST|LAST]`, comma-separated. Default: load order, so paging is stable.", "n DESC"),
        ("$group", "Grouping expressions; every other selected expression must be an aggregate.", "requesttype"),
        ("$having", "Filter on groups; may use select aliases.", "n > 5"),
        ("$limit", "Rows to return, 0 to 50,000 (default 1000).", "5"),
        ("$offset", "Rows to skip (default 0).", "0"),
        ("$q", "Full-text search: every word must occur, case-insensitively, in some text column of the row.", "bulky"),
        ("$query", "A whole SoQL statement (SELECT … WHERE … GROUP BY … HAVING … ORDER BY … LIMIT … OFFSET …); cannot be combined with the parameters above.",
            "SELECT requesttype, count(*) AS n WHERE cd = 10 GROUP BY requesttype ORDER BY n DESC LIMIT 5"),
    ];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!IsRowQuery(context))
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        foreach ((string name, string description, string example) in s_parameters)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = example,
            });
        }

        return Task.CompletedTask;
    }

    private static bool IsRowQuery(OpenApiOperationTransformerContext context) =>
        string.Equals(context.Description.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)
        && context.Description.RelativePath is { } path
        && path.StartsWith("resource/", StringComparison.OrdinalIgnoreCase);
}
