using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;
using CivicData.Core;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CivicData.Catalog.Sqlite;

/// <summary>Catalog search: FTS5 words, exact facet filters, one page of matches, total and facet counts.</summary>
/// <remarks>
/// Results are kept per catalog generation (see <see cref="SearchResultCache"/>): browsing all 10,000 datasets of
/// issue 5's W7 recounts every facet, so the answer is computed once per write instead of once per request.
/// </remarks>
public sealed partial class SqliteCatalogStore
{
    public const int MaxSearchLimit = 1000;

    /// <summary>
    /// bm25 weights per dataset_search column, in table order: title, description, tags, category, department,
    /// columns. A word in the title counts most, a word in a column name least.
    /// </summary>
    private const string Relevance = "bm25(dataset_search, 10.0, 2.0, 5.0, 3.0, 3.0, 1.0)";

    public async Task<CatalogSearchResult> SearchAsync(CatalogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxSearchLimit)
        {
            throw new ValidationError("search.invalid-limit", $"The limit must be between 1 and {MaxSearchLimit}; got {query.Limit}.");
        }

        if (query.Offset < 0)
        {
            throw new ValidationError("search.invalid-offset", $"The offset cannot be negative; got {query.Offset}.");
        }

        // Every piece of SQL text below is a constant; what the caller sent travels only as a parameter.
        var parameters = new DynamicParameters();
        var conditions = new List<string>();
        string source;
        string order;

        string? match = FullTextQuery.ToMatchExpression(query.Text);
        string? ids = query.Ids is null ? null : JsonSerializer.Serialize(query.Ids.Select(id => id.Value));
        string? categoryList = query.Categories is null ? null : JsonSerializer.Serialize(query.Categories);
        string? tagList = query.Tags is null ? null : JsonSerializer.Serialize(query.Tags);
        var key = new SearchResultCache.SearchKey(
            match, query.Category, query.Department, query.Tag, query.Offset, query.Limit, query.IncludePrivate)
        {
            Lists = ids + "\n" + categoryList + "\n" + tagList,
            Sort = query.Sort,
            Descending = query.Descending,
            Extensions = DescribeExtensions(query),
        };

        // Read before the snapshot below starts: a write that commits in between makes the result newer than the
        // generation it is kept under, never older.
        long generation = Interlocked.Read(ref _generation);
        if (_searchResults.TryGet(generation, key, out CatalogSearchResult? cached))
        {
            return cached;
        }

        if (match is null)
        {
            source = "datasets AS d";
        }
        else
        {
            source = "dataset_search JOIN datasets AS d ON d.search_rowid = dataset_search.rowid";
            conditions.Add("dataset_search MATCH @match");
            parameters.Add("match", match);
        }

        order = OrderBy(query.Sort, query.Descending, match is not null);

        // Deleted datasets are gone for every caller; their rows stay only for the record.
        conditions.Add("d.deleted_at IS NULL");
        if (!query.IncludePrivate)
        {
            conditions.Add(query.PrivateDepartments.Count == 0
                ? "d.visibility = 'public' AND d.current_version IS NOT NULL"
                : $"(d.visibility = 'public' OR IFNULL(d.department, '') COLLATE NOCASE IN ({AddList(parameters, "privdept", query.PrivateDepartments)})) AND d.current_version IS NOT NULL");
        }
        else if (query.PublishedOnly)
        {
            conditions.Add("d.current_version IS NOT NULL");
        }

        AddExtensionConditions(query, conditions, parameters);

        if (query.Category is not null)
        {
            conditions.Add("d.category = @category COLLATE NOCASE");
            parameters.Add("category", query.Category);
        }

        if (query.Department is not null)
        {
            conditions.Add("d.department = @department COLLATE NOCASE");
            parameters.Add("department", query.Department);
        }

        if (query.Tag is not null)
        {
            // dataset_tags_by_tag compares without case, so the matching ids come straight from that index.
            conditions.Add("d.id IN (SELECT t.dataset_id FROM dataset_tags AS t WHERE t.tag = @tag COLLATE NOCASE)");
            parameters.Add("tag", query.Tag);
        }

        // Lists travel as one JSON array parameter each, unpacked by json_each.
        if (ids is not null)
        {
            conditions.Add("d.id IN (SELECT j.value FROM json_each(@ids) AS j)");
            parameters.Add("ids", ids);
        }

        if (categoryList is not null)
        {
            conditions.Add("EXISTS (SELECT 1 FROM json_each(@categories) AS j WHERE d.category = j.value COLLATE NOCASE)");
            parameters.Add("categories", categoryList);
        }

        if (tagList is not null)
        {
            conditions.Add("EXISTS (SELECT 1 FROM dataset_tags AS t JOIN json_each(@tags) AS j ON t.tag = j.value COLLATE NOCASE WHERE t.dataset_id = d.id)");
            parameters.Add("tags", tagList);
        }

        parameters.Add("limit", query.Limit);
        parameters.Add("offset", query.Offset);

        string where = conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", conditions);

        // With no words and no filter the tag facet counts every (visible) dataset's tags from dataset_tags alone,
        // which holds each dataset's visibility in "listed"; otherwise it counts the tags of the matching datasets.
        bool unfiltered = match is null && query.Category is null && query.Department is null && query.Tag is null
            && ids is null && categoryList is null && tagList is null && !query.HasExtensions;
        string tagFacet = (unfiltered, query.IncludePrivate) switch
        {
            (true, false) => "SELECT t.tag AS Value, COUNT(*) AS Count FROM dataset_tags AS t WHERE t.listed = 1 AND t.tag <> '' GROUP BY t.tag",
            (true, true) => "SELECT t.tag AS Value, COUNT(*) AS Count FROM dataset_tags AS t WHERE t.tag <> '' AND t.dataset_id NOT IN (SELECT id FROM datasets WHERE deleted_at IS NOT NULL) GROUP BY t.tag",
            _ => $"SELECT t.tag AS Value, COUNT(*) AS Count FROM {source} JOIN dataset_tags AS t ON t.dataset_id = d.id WHERE {where} AND t.tag <> '' GROUP BY t.tag",
        };

        // dataset_tags holds each (dataset, tag) pair once, so COUNT(*) counts datasets.
        string sql = $"""
            SELECT COUNT(*) FROM {source} WHERE {where};

            SELECT {DatasetColumns}
            FROM {source}
            WHERE {where}
            ORDER BY {order}
            LIMIT @limit OFFSET @offset;

            SELECT d.category AS Value, COUNT(*) AS Count
            FROM {source}
            WHERE {where} AND d.category IS NOT NULL AND d.category <> ''
            GROUP BY d.category
            ORDER BY Count DESC, Value;

            SELECT d.department AS Value, COUNT(*) AS Count
            FROM {source}
            WHERE {where} AND d.department IS NOT NULL AND d.department <> ''
            GROUP BY d.department
            ORDER BY Count DESC, Value;

            {tagFacet}
            ORDER BY Count DESC, Value;
            """;

        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);

        // One read transaction, so the page, the total and the facets all see the same catalog.
        await using SqliteTransaction snapshot = connection.BeginTransaction(deferred: true);
        await using SqlMapper.GridReader results = await connection.QueryMultipleAsync(
            new CommandDefinition(sql, parameters, snapshot, cancellationToken: cancellationToken));

        long total = await results.ReadSingleAsync<long>();
        IEnumerable<DatasetRow> page = await results.ReadAsync<DatasetRow>();
        ImmutableArray<DatasetRecord> datasets = [.. page.Select(row => row.ToRecord())];
        ImmutableArray<FacetCount> categories = ToFacets(await results.ReadAsync<FacetRow>());
        ImmutableArray<FacetCount> departments = ToFacets(await results.ReadAsync<FacetRow>());
        ImmutableArray<FacetCount> tags = ToFacets(await results.ReadAsync<FacetRow>());

        // Immutable lists, because the same result goes to every caller that sends this search in this generation.
        var result = new CatalogSearchResult(datasets, checked((int)total), categories, departments, tags);
        _searchResults.Add(generation, key, result);
        return result;
    }

    /// <summary>The ORDER BY text, built from constants only; title then id break ties, so paging is stable.</summary>
    private static string OrderBy(CatalogSort sort, bool descending, bool hasWords)
    {
        const string TieBreak = "d.title COLLATE NOCASE, d.id";
        string direction = descending ? "DESC" : "ASC";
        return sort switch
        {
            CatalogSort.Relevance => hasWords ? Relevance + ", " + TieBreak : TieBreak,
            CatalogSort.Title => $"d.title COLLATE NOCASE {direction}, d.id {direction}",
            CatalogSort.Id => $"d.id {direction}",
            CatalogSort.Category => $"(d.category IS NULL OR d.category = ''), d.category COLLATE NOCASE {direction}, {TieBreak}",
            CatalogSort.CreatedAt => $"d.created_at {direction}, {TieBreak}",
            CatalogSort.UpdatedAt => $"max(COALESCE(d.data_updated_at, d.created_at), d.metadata_updated_at) {direction}, {TieBreak}",
            _ => throw new UnreachableException($"Unknown sort {sort}."),
        };
    }

    private static ImmutableArray<FacetCount> ToFacets(IEnumerable<FacetRow> rows) =>
        [.. rows.Select(row => new FacetCount(row.Value, checked((int)row.Count)))];

    private sealed class FacetRow
    {
        public string Value { get; set; } = "";

        public long Count { get; set; }
    }
}
