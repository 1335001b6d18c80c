using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace CivicData.Web.OpenApi;

/// <summary>
/// How the OpenAPI document shows one CKAN action: its parameters, each with an example over the demo datasets that
/// the action answers successfully, sent as a query string (GET) or as the JSON body (POST).
/// </summary>
internal sealed record CkanActionExample(string Name, ImmutableArray<CkanParameterExample> Parameters)
{
    /// <summary>The read actions of ckan.md §2 and §3, with examples that answer on a demo portal.</summary>
    public static readonly ImmutableArray<CkanActionExample> All =
    [
        new("status_show", []),
        new("site_read", []),
        new("help_show", [new("name", "The action whose help text to return.", "package_search")]),
        new("license_list", []),
        new("package_list", [Limit(10), Offset()]),
        new("current_package_list_with_resources", [Limit(10), Offset()]),
        new("package_show", [new("id", "The dataset's 4x4 id (its CKAN id and name).", DemoExamples.DatasetId)]),
        new("package_search",
        [
            new("q", "Words over title, description, tags, category, department and column names; `field:value` reads as fq.", "service requests"),
            new("fq", "Filter query (Solr subset): `field:value`, `-field:value`, `AND`/`OR`, `field:[A TO B]` ranges with `*` and NOW date math.", "tags:311 AND metadata_modified:[2000-01-01T00:00:00Z TO *]"),
            new("rows", "Datasets to return, at most 1000 (default 10).", 10),
            new("start", "Datasets to skip (default 0).", 0),
            new("sort", "Comma-separated `field asc|desc` over score, id, name, title, metadata_modified, metadata_created.", "id asc"),
            new("facet.field", "Fields to count values of: organization, groups, tags, res_format (a JSON list).", new JsonArray("organization", "tags")),
            new("facet.limit", "Values per facet (default 50, negative for all).", 10),
            new("include_private", "With an API key: add the private datasets the key's user may see.", false),
        ]),
        new("package_autocomplete", [new("q", "Text in the dataset's name or title.", "inspection"), Limit(10)]),
        new("resource_show", [new("id", "The resource id: the dataset's 4x4 id for its rows, `{id}.json` for the JSON download.", DemoExamples.DatasetId)]),
        new("organization_list", [new("all_fields", "Whole organizations instead of names.", true), new("sort", "title, name or package_count, asc or desc.", "package_count desc"), Limit(10), Offset()]),
        new("organization_show", [new("id", "The organization's name: a slug of the department.", "public-health"), new("include_datasets", "List its datasets (at most 10).", true)]),
        new("group_list", [new("all_fields", "Whole groups instead of names.", true), new("sort", "title, name or package_count, asc or desc.", "name asc"), Limit(10), Offset()]),
        new("group_show", [new("id", "The group's name: a slug of the category.", "health"), new("include_datasets", "List its datasets (at most 1000).", true)]),
        new("tag_list", [new("query", "Only tags containing this text.", "inspection"), new("all_fields", "Whole tags instead of names.", false)]),
        new("datastore_search",
        [
            new("resource_id", "The resource: the dataset's 4x4 id.", DemoExamples.DatasetId),
            new("q", "Full-text search over the rows.", "graffiti"),
            Limit(5),
            Offset(),
        ]),
        new("datastore_info", [new("id", "The resource: the dataset's 4x4 id.", DemoExamples.DatasetId)]),
        new("datastore_search_sql", [new("sql", "A read-only SELECT over resource tables, named by their resource id in double quotes.", $"SELECT requesttype, COUNT(*) AS n FROM \"{DemoExamples.DatasetId}\" GROUP BY requesttype ORDER BY n DESC LIMIT 5")]),
    ];

    /// <summary>The parameters as CKAN's POST body: one JSON object.</summary>
    public JsonObject Body() => new(Parameters.Select(parameter => KeyValuePair.Create(parameter.Name, (JsonNode?)parameter.Example.DeepClone())));

    private static CkanParameterExample Limit(int example) => new("limit", "Items to return.", example);

    private static CkanParameterExample Offset() => new("offset", "Items to skip.", 0);
}
