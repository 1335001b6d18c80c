using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CivicData.Catalog.Search;
using CivicData.Web.Ckan.Search;
using CivicData.Web.Ckan.Wire;

namespace CivicData.Web.Ckan.Actions;

/// <summary>
/// <c>package_search</c> (ckan.md §4.4): <c>q</c>, <c>fq</c> in the Solr subset of <see cref="SolrQueryParser"/>,
/// <c>rows</c> (clamped to 1000), <c>start</c>, <c>sort</c>, facets, <c>fl</c> and <c>include_private</c>, answered
/// from the catalog's search with full dataset dicts.
/// </summary>
internal sealed class PackageSearchAction(CkanCatalog catalog, TimeProvider clock) : ICkanAction
{
    public const string DefaultSort = "score desc, metadata_modified desc";

    private const int MaxRows = 1000;

    private static readonly FrozenSet<string> s_known = new[]
    {
        "q", "fq", "fq_list", "rows", "start", "sort", "facet", "facet.field", "facet.limit", "facet.mincount", "fl",
        "include_private", "include_drafts", "include_deleted", "qf", "wt", "bf", "boost", "tie", "defType", "mm", "df",
        "use_default_schema", "callback", "_",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, CatalogSort?> s_sortFields = new Dictionary<string, CatalogSort?>(StringComparer.Ordinal)
    {
        ["score"] = CatalogSort.Relevance,
        ["name"] = CatalogSort.Id,
        ["id"] = CatalogSort.Id,
        ["title"] = CatalogSort.Title,
        ["title_string"] = CatalogSort.Title,
        ["metadata_modified"] = CatalogSort.UpdatedAt,
        ["metadata_created"] = CatalogSort.CreatedAt,

        // Accepted for compatibility; every dataset here has the same resources and no view counts.
        ["views_recent"] = null,
        ["num_resources"] = null,
        ["num_tags"] = null,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public string Name => "package_search";

    public bool IsReadOnly => true;

    public string Help =>
        "Search datasets. Parameters: q, fq (Solr subset: field:value, quoted values, -/+/NOT, AND/OR, parentheses, " +
        "metadata_modified:[A TO B] with * and NOW date math), fq_list, rows (at most 1000), start, sort (e.g. \"id asc\"), " +
        "facet.field, facet.limit, facet.mincount, fl, include_private.";

    public async Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        CkanParameters parameters = context.Parameters;
        string[] unknown = [.. parameters.Names.Where(name => !s_known.Contains(name) && !name.StartsWith("ext_", StringComparison.Ordinal))];
        if (unknown.Length > 0)
        {
            throw CkanErrors.SearchQuery("Invalid search parameters: [" + string.Join(", ", unknown.Select(name => "'" + name + "'")) + "]");
        }

        int rows = Math.Min(parameters.GetNatural("rows", 10), MaxRows);
        int start = parameters.GetNatural("start", 0);
        string sortText = parameters.GetString("sort") is { Length: > 0 } sort && !string.IsNullOrWhiteSpace(sort) ? sort.Trim() : DefaultSort;
        IReadOnlyList<(CatalogSort Sort, bool Descending)> sortKeys = ParseSort(sortText);
        bool includePrivate = parameters.GetBoolean("include_private", false);
        IReadOnlyList<string> facetFields = FacetFields(parameters);
        int facetLimit = FacetLimit(parameters);
        int facetMinCount = parameters.GetNatural("facet.mincount", 1);
        IReadOnlyList<string>? fieldList = parameters.GetStringList("fl", commaSeparated: true);

        CatalogQuery scoped = await catalog.ScopeAsync(new CatalogQuery(), context.Caller, includePrivate, cancellationToken);
        CatalogSearchResult visible = await catalog.Store.SearchAsync(scoped with { Limit = 1 }, cancellationToken);
        var filter = new PackageSearchFilter(
            clock,
            visible.Departments.Select(facet => facet.Value),
            visible.Categories.Select(facet => facet.Value),
            scoped.IncludePrivate || scoped.PrivateDepartments.Count > 0);

        string? text = null;
        if (parameters.GetString("q") is { } q && !string.IsNullOrWhiteSpace(q))
        {
            if (q.Contains(':', StringComparison.Ordinal) || q.TrimStart().StartsWith("{!", StringComparison.Ordinal))
            {
                filter.Add(SolrQueryParser.Parse(q, "q"), "q");
            }
            else
            {
                text = q;
            }
        }

        if (parameters.GetString("fq") is { } fq)
        {
            filter.Add(SolrQueryParser.Parse(fq, "fq"), "fq");
        }

        foreach (string extra in parameters.GetStringList("fq_list", commaSeparated: false) ?? [])
        {
            filter.Add(SolrQueryParser.Parse(extra, "fq_list"), "fq_list");
        }

        string? words = string.Join(' ', new[] { text, filter.Words }.Where(part => !string.IsNullOrWhiteSpace(part)));
        bool hasWords = !string.IsNullOrWhiteSpace(words);

        // The catalog orders by one key (ties by title, then id): the first one that means something here. Without
        // words every score is equal, so "score desc, metadata_modified desc" orders by metadata_modified.
        (CatalogSort order, bool descending) = sortKeys.FirstOrDefault<(CatalogSort Sort, bool Descending)>(key => hasWords || key.Sort != CatalogSort.Relevance, (CatalogSort.Relevance, false));
        CatalogQuery query = scoped with
        {
            Text = hasWords ? words : null,
            Filters = filter.Filters,
            Modified = filter.Modified,
            Created = filter.Created,
            Sort = order,
            Descending = descending,
            Offset = start,
            Limit = Math.Max(rows, 1),
        };
        CatalogSearchResult result = await catalog.Store.SearchAsync(query, cancellationToken);
        IReadOnlyList<PackageDto> packages = rows == 0 ? [] : await catalog.ToPackagesAsync(result.Datasets, context.Caller, context.BaseUrl, cancellationToken);

        Dictionary<string, List<FacetItem>> facets = [];
        if (parameters.GetBoolean("facet", true))
        {
            foreach (string field in facetFields)
            {
                facets[field] = [.. FacetItems(field, result).Where(item => item.Count >= facetMinCount)
                    .OrderByDescending(item => item.Count).ThenBy(item => item.Name, StringComparer.Ordinal)
                    .Take(facetLimit < 0 ? int.MaxValue : facetLimit)];
            }
        }

        return CkanResult.Of(new SearchResult(
            result.Total,
            sortText,
            fieldList is null ? packages : [.. packages.Select(package => Project(package, fieldList))],
            facets.ToDictionary(pair => pair.Key, pair => pair.Value.ToDictionary(item => item.Name, item => item.Count)),
            facets.ToDictionary(pair => pair.Key, pair => new SearchFacet(pair.Key, pair.Value))));
    }

    /// <summary>"metadata_modified desc, id asc" → sort keys; a field without a direction or an unknown field is a 400.</summary>
    internal static IReadOnlyList<(CatalogSort Sort, bool Descending)> ParseSort(string text)
    {
        var keys = new List<(CatalogSort Sort, bool Descending)>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length != 2 || !s_sortFields.TryGetValue(words[0], out CatalogSort? field)
                || words[1].ToLowerInvariant() is not ("asc" or "desc"))
            {
                throw CkanErrors.SearchQuery("Invalid \"sort\" parameter");
            }

            if (field is CatalogSort known)
            {
                keys.Add((known, words[1].Equals("desc", StringComparison.OrdinalIgnoreCase)));
            }
        }

        return keys;
    }

    private static IReadOnlyList<string> FacetFields(CkanParameters parameters)
    {
        JsonElement? value;
        try
        {
            value = parameters.GetJson("facet.field", textAllowed: false);
        }
        catch (Core.ValidationError)
        {
            throw CkanErrors.Invalid("facet.field", "Could not parse as valid JSON");
        }

        return value switch
        {
            null or { ValueKind: JsonValueKind.Null } => [],
            { ValueKind: JsonValueKind.Array } array when array.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String) =>
                [.. array.EnumerateArray().Select(item => item.GetString()!)],
            _ => throw CkanErrors.Invalid("facet.field", "Must be a list of field names"),
        };
    }

    private static int FacetLimit(CkanParameters parameters)
    {
        string? text = parameters.GetString("facet.limit");
        if (string.IsNullOrWhiteSpace(text))
        {
            return 50;
        }

        return int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int limit)
            ? limit
            : throw CkanErrors.Invalid("facet.limit", "Invalid integer");
    }

    private static IEnumerable<FacetItem> FacetItems(string field, CatalogSearchResult result) => field switch
    {
        "organization" or "owner_org" => result.Departments.GroupBy(facet => CkanNames.Slug(facet.Value))
            .Select(group => new FacetItem(group.Key, group.First().Value, group.Sum(facet => facet.Count))),
        "groups" => result.Categories.GroupBy(facet => CkanNames.Slug(facet.Value))
            .Select(group => new FacetItem(group.Key, group.First().Value, group.Sum(facet => facet.Count))),
        "tags" => result.Tags.Select(facet => new FacetItem(facet.Value, facet.Value, facet.Count)),
        "res_format" => result.Total == 0 ? [] : [new FacetItem("CSV", "CSV", result.Total), new FacetItem("JSON", "JSON", result.Total)],
        _ => [],
    };

    /// <summary><c>fl</c>: a dataset dict cut down to the named keys.</summary>
    private static JsonObject Project(PackageDto package, IReadOnlyList<string> fields)
    {
        JsonObject full = JsonSerializer.SerializeToNode(package, CkanJson.Options)!.AsObject();
        var projected = new JsonObject();
        foreach (string field in fields)
        {
            if (full.TryGetPropertyValue(field, out JsonNode? value))
            {
                projected[field] = value?.DeepClone();
            }
        }

        return projected;
    }

    private sealed record FacetItem(string Name, string DisplayName, int Count);

    private sealed record SearchFacet(string Title, IReadOnlyList<FacetItem> Items);

    private sealed record SearchResult(
        int Count,
        string Sort,
        IReadOnlyList<object> Results,
        IReadOnlyDictionary<string, Dictionary<string, int>> Facets,
        IReadOnlyDictionary<string, SearchFacet> SearchFacets);
}
