using System.Collections.Immutable;
using System.Text.Json;
using CivicData.Catalog;
using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;
using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Web.Datasets;
using CivicData.Web.Errors;
using CivicData.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CivicData.Web.Catalog;

/// <summary>
/// Socrata's Discovery API, <c>/api/catalog/v1</c> (soda.md §2.5): catalog search in Socrata's result shape and the
/// count endpoints around it, over the datasets the caller may see.
/// </summary>
public static class CatalogEndpoints
{
    private const string ContentType = "application/json; charset=UTF-8";

    private static readonly JsonSerializerOptions s_json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly CatalogSearchResult s_nothing = new([], 0, [], [], []);

    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/api/catalog/v1")
            .WithTags("SODA Discovery")
            .WithErrorFamily(ErrorFamily.Soda)
            .RequireCors(ReadApiConventions.CorsPolicy)
            .WithMetadata(new SkipStatusCodePagesAttribute());

        group.MapGet("", SearchAsync)
            .WithName("DiscoverySearch")
            .WithSummary("Search the catalog (Socrata Discovery API)")
            .WithDescription("q, ids, domains, categories, tags, only, names, attribution, license, provenance, column_names, public, published, visibility, for_user, order (relevance, name, dataset_id, domain_category, createdAt, updatedAt, … with ASC/DESC), offset and limit (offset + limit ≤ 10000). Answers results[] with resource, classification, metadata, permalink and link, and the exact resultSetSize.")
            .Produces<DiscoveryResponseDto>(StatusCodes.Status200OK, "application/json");
        MapCounts(group, "/domains", "DiscoveryDomains", "Assets per domain", "domain", (result, request) => result.Total == 0 ? [] : [(request.Host.Value ?? "", result.Total)]);
        MapCounts(group, "/categories", "DiscoveryCategories", "Assets per category", "category", (result, _) => Pairs(result.Categories));
        MapCounts(group, "/domain_categories", "DiscoveryDomainCategories", "Assets per domain category", "domain_category", (result, _) => Pairs(result.Categories));
        MapCounts(group, "/tags", "DiscoveryTags", "Assets per tag", "tag", (result, _) => Pairs(result.Tags));
        MapCounts(group, "/domain_tags", "DiscoveryDomainTags", "Assets per domain tag", "domain_tag", (result, _) => Pairs(result.Tags));
        group.MapGet("/domains/{domain}/facets", FacetsAsync)
            .WithName("DiscoveryDomainFacets")
            .WithSummary("Every facet of a domain's catalog")
            .WithDescription("A JSON array of facets (datatypes, categories, tags), each with its count and values, over the matches of the same filters as the search. Another domain has no facets.")
            .Produces<IReadOnlyList<DiscoveryFacetDto>>(StatusCodes.Status200OK, "application/json");
        group.MapGet("/autocomplete", AutocompleteAsync)
            .WithName("DiscoveryAutocomplete")
            .WithSummary("Dataset titles matching the words typed so far")
            .WithDescription("The titles of the best matches of q (every word, or the start of it, must occur), with the same filters as the search.")
            .Produces<DiscoverySuggestionsDto>(StatusCodes.Status200OK, "application/json");

        // Socrata's human URLs (the Discovery API's "link"): /{category}/{name}/{4x4} leads to the dataset's page.
        endpoints.MapGet("/{category}/{name}/{id:regex(^[a-z0-9]{{4}}-[a-z0-9]{{4}}$)}", (string id) => TypedResults.Redirect("/d/" + id, permanent: true))
            .WithName("HumanDatasetUrl")
            .WithTags("SODA Discovery")
            .WithSummary("Socrata's human dataset URL")
            .WithDescription("Redirects /{category}/{name}/{id} to the dataset's page, /d/{id}.")
            .Produces(StatusCodes.Status301MovedPermanently);
        return endpoints;
    }

    private static async Task<JsonHttpResult<DiscoveryResponseDto>> SearchAsync(
        HttpContext context, DatasetCaller caller, [AsParameters] DiscoveryServices services, CancellationToken cancellationToken)
    {
        long started = services.Clock.GetTimestamp();
        var query = DiscoveryQuery.Parse(context.Request);
        CatalogSearchResult result = await RunAsync(query, query.Offset, query.Limit, caller, services, cancellationToken);
        long searched = (long)services.Clock.GetElapsedTime(started).TotalMilliseconds;

        var results = new List<DiscoveryResultDto>(result.Datasets.Count);
        foreach (DatasetRecord record in result.Datasets)
        {
            try
            {
                VisibleDataset dataset = await services.Queries.FindAsync(record.Id.Value, caller, cancellationToken);
                results.Add(DiscoveryResultBuilder.Create(dataset, context.Request));
            }
            catch (NotFoundError)
            {
                // Made private or deleted since the search: leave it out rather than fail the page.
            }
        }

        long total = (long)services.Clock.GetElapsedTime(started).TotalMilliseconds;
        context.Response.Headers.AccessControlAllowOrigin = "*";
        return TypedResults.Json(new DiscoveryResponseDto(results, result.Total, new DiscoveryTimingsDto(total, [searched, total - searched]), []), s_json, ContentType);
    }

    private static void MapCounts(
        RouteGroupBuilder group, string path, string name, string summary, string key, Func<CatalogSearchResult, HttpRequest, IReadOnlyList<(string Value, int Count)>> select)
    {
        group.MapGet(path, async (HttpContext context, DatasetCaller caller, [AsParameters] DiscoveryServices services, CancellationToken cancellationToken) =>
        {
            long started = services.Clock.GetTimestamp();
            var query = DiscoveryQuery.Parse(context.Request);
            CatalogSearchResult result = await RunAsync(query, 0, 1, caller, services, cancellationToken);
            IReadOnlyList<(string Value, int Count)> counts = select(result, context.Request);
            long elapsed = (long)services.Clock.GetElapsedTime(started).TotalMilliseconds;
            IReadOnlyDictionary<string, object>[] results = [.. counts.Select(pair => new Dictionary<string, object> { [key] = pair.Value, ["count"] = pair.Count })];
            context.Response.Headers.AccessControlAllowOrigin = "*";
            return TypedResults.Json(new DiscoveryCountsDto(results, results.Length, new DiscoveryTimingsDto(elapsed, [elapsed, 0])), s_json, ContentType);
        })
            .WithName(name)
            .WithSummary(summary)
            .WithDescription($"Results of {{\"{key}\": …, \"count\": n}}, most frequent first, over the matches of the same filters as the search.")
            .Produces<DiscoveryCountsDto>(StatusCodes.Status200OK, "application/json");
    }

    private static async Task<JsonHttpResult<List<DiscoveryFacetDto>>> FacetsAsync(
        string domain, HttpContext context, DatasetCaller caller, [AsParameters] DiscoveryServices services, CancellationToken cancellationToken)
    {
        var query = DiscoveryQuery.Parse(context.Request);
        bool ours = string.Equals(domain, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(domain, context.Request.Host.Host, StringComparison.OrdinalIgnoreCase);
        CatalogSearchResult result = ours ? await RunAsync(query, 0, 1, caller, services, cancellationToken) : s_nothing;
        List<DiscoveryFacetDto> facets = result.Total == 0
            ? []
            :
            [
                new DiscoveryFacetDto("datatypes", result.Total, [new DiscoveryFacetValueDto("dataset", result.Total)]),
                Facet("categories", result.Categories),
                Facet("tags", result.Tags),
            ];
        context.Response.Headers.AccessControlAllowOrigin = "*";
        return TypedResults.Json(facets, s_json, ContentType);
    }

    private static async Task<JsonHttpResult<DiscoverySuggestionsDto>> AutocompleteAsync(
        HttpContext context, DatasetCaller caller, [AsParameters] DiscoveryServices services, CancellationToken cancellationToken)
    {
        long started = services.Clock.GetTimestamp();
        var query = DiscoveryQuery.Parse(context.Request);
        CatalogSearchResult result = query.Catalog.Text is null ? s_nothing : await RunAsync(query, query.Offset, query.Limit, caller, services, cancellationToken);
        long elapsed = (long)services.Clock.GetElapsedTime(started).TotalMilliseconds;
        DiscoverySuggestionDto[] suggestions = [.. result.Datasets.Select(record => new DiscoverySuggestionDto(record.Metadata.Title, record.Metadata.Title))];
        context.Response.Headers.AccessControlAllowOrigin = "*";
        return TypedResults.Json(new DiscoverySuggestionsDto(suggestions, result.Total, new DiscoveryTimingsDto(elapsed, [elapsed, 0])), s_json, ContentType);
    }

    /// <summary>
    /// Runs the search for one page. The store answers alone when it can; a filter it cannot apply, or a page larger
    /// than it serves, makes <see cref="VisibleCatalogSearch"/> read every match and page them itself.
    /// </summary>
    private static async Task<CatalogSearchResult> RunAsync(
        DiscoveryQuery query, int offset, int limit, DatasetCaller caller, DiscoveryServices services, CancellationToken cancellationToken)
    {
        if (query.MatchesNothing)
        {
            return s_nothing;
        }

        // The store serves 1 to 1000 rows a page; a limit of 0 asks only for the total and the facets.
        CatalogQuery catalogQuery = query.Catalog with { Offset = offset, Limit = Math.Clamp(limit, 1, 1000) };
        bool scan = query.NeedsScan || limit > 1000;
        CatalogSearchResult result = scan
            ? await services.Search.SearchAsync(catalogQuery with { Offset = 0, Limit = int.MaxValue }, caller, Filter(query, caller, services.Catalog), cancellationToken)
            : await services.Search.SearchAsync(catalogQuery, caller, cancellationToken);
        if (scan)
        {
            result = result with { Datasets = [.. result.Datasets.Skip(offset).Take(limit)] };
        }

        return limit == 0 ? result with { Datasets = [] } : result;
    }

    /// <summary>The filters the store cannot apply, as one test per dataset.</summary>
    private static Func<DatasetRecord, CancellationToken, ValueTask<bool>> Filter(DiscoveryQuery query, DatasetCaller caller, ICatalogStore catalog) =>
        async (record, cancellationToken) =>
        {
            if (!query.Filters.All(filter => filter(record)))
            {
                return false;
            }

            if (query.ColumnNames is not { } names)
            {
                return true;
            }

            DatasetVersion? version = await catalog.FindVersionAsync(record.Id, record.CurrentVersion!.Value, cancellationToken);
            ImmutableArray<ColumnSchema> columns = version?.Columns ?? [];
            bool all = caller.MaySeeEverythingOf(record.Metadata);
            return columns.Any(column => (all || !column.Hidden) && (names.Contains(column.FieldName) || names.Contains(column.DisplayName)));
        };

    private static DiscoveryFacetDto Facet(string name, IReadOnlyList<FacetCount> counts) =>
        new(name, counts.Sum(count => count.Count), [.. counts.Select(count => new DiscoveryFacetValueDto(count.Value, count.Count))]);

    private static IReadOnlyList<(string Value, int Count)> Pairs(IReadOnlyList<FacetCount> counts) =>
        [.. counts.Select(count => (count.Value, count.Count))];
}
