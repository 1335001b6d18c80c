using System.Collections.Frozen;
using System.Globalization;
using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;
using CivicData.Core;
using CivicData.Core.Datasets;
using CivicData.Web.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CivicData.Web.Catalog;

/// <summary>
/// A Discovery API request (soda.md §2.5) read from its query string: what the catalog store can search itself, the
/// filters it cannot (tested on each match), whether nothing can match at all, and the page.
/// </summary>
/// <param name="Catalog">Words, ids, categories, tags and order for the store; offset and limit are set per call.</param>
/// <param name="MatchesNothing">A filter no CivicData dataset can pass (another domain, charts, community provenance...).</param>
/// <param name="Filters">Tests the store cannot make, each on one dataset; all must pass.</param>
internal sealed record DiscoveryQuery(CatalogQuery Catalog, bool MatchesNothing, IReadOnlyList<Func<DatasetRecord, bool>> Filters, IReadOnlySet<string>? ColumnNames, int Offset, int Limit)
{
    public const int DefaultLimit = 100;

    /// <summary>Socrata refuses to page past this many results.</summary>
    public const int MaxWindow = 10_000;

    /// <summary>Socrata's asset types; only datasets exist here, the rest match nothing.</summary>
    private static readonly FrozenSet<string> s_datasetTypes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "dataset", "datasets");

    /// <summary>Socrata's order names: the sort, and whether it runs descending unless told.</summary>
    private static readonly FrozenDictionary<string, (CatalogSort Sort, bool Descending)> s_orders =
        new Dictionary<string, (CatalogSort, bool)>(StringComparer.OrdinalIgnoreCase)
        {
            ["relevance"] = (CatalogSort.Relevance, true),
            ["name"] = (CatalogSort.Title, false),
            // Every owner is a department and every asset a dataset: these order like name.
            ["owner"] = (CatalogSort.Title, false),
            ["datatype"] = (CatalogSort.Title, false),
            ["dataset_id"] = (CatalogSort.Id, false),
            ["domain_category"] = (CatalogSort.Category, false),
            ["createdAt"] = (CatalogSort.CreatedAt, true),
            ["updatedAt"] = (CatalogSort.UpdatedAt, true),
            // No page views are counted: every dataset has 0, so relevance decides.
            ["page_views_total"] = (CatalogSort.Relevance, true),
            ["page_views_last_month"] = (CatalogSort.Relevance, true),
            ["page_views_last_week"] = (CatalogSort.Relevance, true),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public bool NeedsScan => Filters.Count > 0 || ColumnNames is not null;

    public static DiscoveryQuery Parse(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IQueryCollection query = request.Query;
        bool nothing = false;
        var filters = new List<Func<DatasetRecord, bool>>();

        // Offset and limit first: a bad page is an error even when nothing could match.
        int offset = ReadCount(query, "offset") ?? 0;
        int limit = ReadCount(query, "limit") ?? DefaultLimit;
        if ((long)offset + limit > MaxWindow)
        {
            throw Invalid("limit", $"offset + limit may not exceed {MaxWindow}.");
        }

        string? text = Single(query, "q");
        List<string>? ids = List(query, "ids");
        var parsedIds = new List<DatasetId>();
        foreach (string id in ids ?? [])
        {
            // An id that cannot exist matches nothing; it is not an error.
            if (DatasetId.TryParse(id, out DatasetId parsed))
            {
                parsedIds.Add(parsed);
            }
        }

        if (List(query, "domains") is { } domains && !domains.Any(domain => IsThisHost(domain, request)))
        {
            nothing = true;
        }

        if (Single(query, "search_context") is { } context && !IsThisHost(context, request))
        {
            nothing = true;
        }

        if (List(query, "only") is { } only && !only.Any(s_datasetTypes.Contains))
        {
            nothing = true;
        }

        // Filters that every CivicData dataset passes one way and fails the other.
        nothing |= Fails(query, "provenance", "official");
        nothing |= Fails(query, "published", "true");
        nothing |= Fails(query, "approval_status", "approved");
        nothing |= Fails(query, "explicitly_hidden", "false");
        nothing |= Fails(query, "derived", "false");
        nothing |= List(query, "derived_from") is not null || List(query, "parent_ids") is not null;

        if (Single(query, "public") is { } isPublic)
        {
            bool wanted = IsTrue(isPublic, "public");
            filters.Add(record => (record.Metadata.Visibility == Visibility.Public) == wanted);
        }

        if (Single(query, "visibility") is { } visibility)
        {
            // "open": anyone may see it; "internal": only the organisation.
            bool wanted = visibility.ToUpperInvariant() switch
            {
                "OPEN" => true,
                "INTERNAL" => false,
                _ => throw Invalid("visibility", "visibility must be open or internal."),
            };
            filters.Add(record => (record.Metadata.Visibility == Visibility.Public) == wanted);
        }

        if (List(query, "names") is { } names)
        {
            var wanted = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
            filters.Add(record => wanted.Contains(record.Metadata.Title));
        }

        if (List(query, "attribution") is { } attributions)
        {
            var wanted = attributions.ToHashSet(StringComparer.OrdinalIgnoreCase);
            filters.Add(record => record.Metadata.Attribution is { } attribution && wanted.Contains(attribution));
        }

        if (List(query, "license") is { } licenses)
        {
            // The licence's name or Socrata's id for it.
            var wanted = licenses.ToHashSet(StringComparer.OrdinalIgnoreCase);
            filters.Add(record => record.Metadata.License is { } license
                && (wanted.Contains(license) || (SocrataLicenses.IdFor(license) is { } id && wanted.Contains(id))));
        }

        if (Single(query, "for_user") is { } user)
        {
            filters.Add(record => string.Equals(DatasetOwner.For(record.Metadata).Id, user, StringComparison.OrdinalIgnoreCase));
        }

        HashSet<string>? columnNames = List(query, "column_names")?.ToHashSet(StringComparer.OrdinalIgnoreCase);

        (CatalogSort sort, bool descending) = ReadOrder(Single(query, "order"));
        var catalog = new CatalogQuery
        {
            Text = string.IsNullOrWhiteSpace(text) ? null : text,
            Ids = ids is null ? null : parsedIds,
            Categories = List(query, "categories"),
            Tags = List(query, "tags"),
            Sort = sort,
            Descending = descending,
        };
        return new DiscoveryQuery(catalog, nothing, filters, columnNames, offset, limit);
    }

    /// <summary>"name", "name DESC", "createdAt ASC" (the space often arrives as '+', which the query string decodes).</summary>
    private static (CatalogSort Sort, bool Descending) ReadOrder(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (CatalogSort.Relevance, true);
        }

        string[] parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > 2 || !s_orders.TryGetValue(parts[0], out (CatalogSort Sort, bool Descending) order))
        {
            throw Invalid("order", $"Unknown order '{text}'. Use one of: {string.Join(", ", s_orders.Keys.Order(StringComparer.Ordinal))}, optionally followed by ASC or DESC.");
        }

        if (parts.Length == 2)
        {
            order.Descending = parts[1].ToUpperInvariant() switch
            {
                "ASC" => false,
                "DESC" => true,
                _ => throw Invalid("order", $"The direction of order '{text}' must be ASC or DESC."),
            };
        }

        return order;
    }

    /// <summary>The domain is this portal's: the Host header, with or without its port.</summary>
    private static bool IsThisHost(string domain, HttpRequest request) =>
        string.Equals(domain, request.Host.Value, StringComparison.OrdinalIgnoreCase)
        || string.Equals(domain, request.Host.Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the parameter is present with any value but <paramref name="passing"/>.</summary>
    private static bool Fails(IQueryCollection query, string name, string passing) =>
        Single(query, name) is { } value && !value.Equals(passing, StringComparison.OrdinalIgnoreCase);

    private static bool IsTrue(string value, string name) => value.ToUpperInvariant() switch
    {
        "TRUE" => true,
        "FALSE" => false,
        _ => throw Invalid(name, $"{name} must be true or false."),
    };

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out StringValues values) && values.Count > 0 ? values[0] : null;

    /// <summary>A list parameter: repeated (<c>tags=a&amp;tags=b</c>, also <c>tags[]=</c>) or comma-separated; null when absent.</summary>
    internal static List<string>? List(IQueryCollection query, string name)
    {
        StringValues values = StringValues.Concat(query[name], query[name + "[]"]);
        if (values.Count == 0)
        {
            return null;
        }

        return [.. values.SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }

    private static int? ReadCount(IQueryCollection query, string name)
    {
        string? text = Single(query, name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw Invalid(name, $"{name} must be a whole number of 0 or more.");
    }

    internal static ValidationError Invalid(string parameter, string message) =>
        new("invalid_parameter", message, new Dictionary<string, object?> { ["parameter"] = parameter });
}
