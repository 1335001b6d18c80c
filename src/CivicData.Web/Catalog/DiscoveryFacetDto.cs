using System.Text.Json.Serialization;

namespace CivicData.Web.Catalog;

/// <summary>
/// A count endpoint's answer (<c>/domains</c>, <c>/categories</c>, <c>/tags</c>, <c>/domain_categories</c>,
/// <c>/domain_tags</c>): each result names its value under the endpoint's own key, e.g. <c>{"domain_tag":"311","count":2}</c>.
/// </summary>
public sealed record DiscoveryCountsDto(
    [property: JsonPropertyName("results")] IReadOnlyList<IReadOnlyDictionary<string, object>> Results,
    [property: JsonPropertyName("resultSetSize")] int ResultSetSize,
    [property: JsonPropertyName("timings")] DiscoveryTimingsDto Timings);

/// <summary>One facet of <c>/domains/{domain}/facets</c>: its name, how many assets it covers, and its values.</summary>
public sealed record DiscoveryFacetDto(
    [property: JsonPropertyName("facet")] string Facet,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("values")] IReadOnlyList<DiscoveryFacetValueDto> Values);

public sealed record DiscoveryFacetValueDto(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("count")] int Count);

/// <summary>One suggestion of <c>/autocomplete</c>.</summary>
public sealed record DiscoverySuggestionDto(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("display_title")] string DisplayTitle);

public sealed record DiscoverySuggestionsDto(
    [property: JsonPropertyName("results")] IReadOnlyList<DiscoverySuggestionDto> Results,
    [property: JsonPropertyName("resultSetSize")] int ResultSetSize,
    [property: JsonPropertyName("timings")] DiscoveryTimingsDto Timings);
