using NJsonSchema;

namespace CivicData.Web.Tests.Dcat;

/// <summary>
/// The official schemas in <c>../shared/schemas</c> (verbatim copies), loaded from disk with every <c>$ref</c> resolved
/// to the files beside them, never fetched from the network.
/// </summary>
internal static class DcatSchemas
{
    public static string Root { get; } = Find();

    /// <summary>The canonical POD 1.1 catalog schema (federal rules: bureauCode and programCode required).</summary>
    public static Task<JsonSchema> PodCatalogAsync() => LoadAsync(Path.Combine(Root, "pod-1.1", "catalog.json"));

    /// <summary>data.gov's non-federal variant, what its harvester applies to city and state catalogs.</summary>
    public static Task<JsonSchema> NonFederalCatalogAsync() =>
        LoadAsync(Path.Combine(Root, "pod-1.1", "datagov-ckanext-datajson", "non-federal-v1.1", "catalog.json"));

    private static async Task<JsonSchema> LoadAsync(string path)
    {
        Assert.True(File.Exists(path), $"The schema {path} is missing: the tests need ../shared/schemas next to the repository.");
        JsonSchema schema = await JsonSchema.FromFileAsync(path);
        Repair(schema, null, new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance));
        return schema;
    }

    /// <summary>
    /// Reads two draft-04 details the way the standard does, where NJsonSchema 11 differs; the files stay untouched.
    /// <list type="bullet">
    /// <item>Patterns are ECMA-262 regular expressions, where <c>\_</c> is an identity escape; .NET rejects it
    /// ("unrecognized escape"), so vcard.json's <c>hasEmail</c> pattern would throw instead of validating: <c>\_</c>
    /// becomes <c>_</c>.</item>
    /// <item>An <c>id</c> starts a new resolution scope, so data.gov's inlined organization definition (whose
    /// <c>id</c> is organization.json) means itself by <c>"$ref": "#"</c> in <c>subOrganizationOf</c>; NJsonSchema
    /// resolves it to the whole file instead, which would demand a dataset's fields of every parent organisation.</item>
    /// </list>
    /// </summary>
    /// <param name="scope">The inlined definition being walked (each of data.gov's has its own <c>id</c>), or null.</param>
    private static void Repair(JsonSchema schema, JsonSchema? scope, HashSet<JsonSchema> seen)
    {
        if (!seen.Add(schema))
        {
            return;
        }

        if (schema.Pattern is { } pattern)
        {
            schema.Pattern = pattern.Replace(@"\_", "_", StringComparison.Ordinal);
        }

        // Definitions first, so that each is walked as its own scope before a $ref elsewhere reaches it.
        foreach (JsonSchema definition in schema.Definitions.Values)
        {
            Repair(definition, definition.DocumentPath is null ? definition : null, seen);
        }

        // Inside an inlined definition, a reference to a whole file's root can only have been written as "#".
        if (scope is not null && schema.Reference is { DocumentPath: not null } && !ReferenceEquals(schema.Reference, scope))
        {
            schema.Reference = scope;
        }

        IEnumerable<JsonSchema?> children =
        [
            schema.Reference, schema.Item, schema.Not, schema.AdditionalItemsSchema, schema.AdditionalPropertiesSchema,
            .. schema.Items, .. schema.AllOf, .. schema.AnyOf, .. schema.OneOf,
            .. schema.Properties.Values, .. schema.PatternProperties.Values,
        ];
        foreach (JsonSchema? child in children)
        {
            if (child is not null)
            {
                Repair(child, ReferenceEquals(child, schema.Reference) && child.DocumentPath is not null ? null : scope, seen);
            }
        }

    }

    private static string Find()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CivicData.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "schemas"));
            }
        }

        throw new InvalidOperationException("The repository root (CivicData.sln) was not found above " + AppContext.BaseDirectory);
    }
}
