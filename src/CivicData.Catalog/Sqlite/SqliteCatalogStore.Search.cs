using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;
using CivicData.Core;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CivicData.Catalog.Sqlite;

/// <summary>Catalog search: FTS5 words, exact facet filters, one page of matches, total and facet counts.</summary>
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
        string rank;
        string order;

        string? match = FullTextQuery.ToMatchExpression(query.Text);
        if (match is null)
        {
            source = "datasets AS d";
            rank = "0.0";
            order = "d.title COLLATE NOCASE, d.id";
        }
        else
        {
            source = "dataset_search JOIN datasets AS d ON d.search_rowid = dataset_search.rowid";
            rank = Relevance;
            order = "m.rank, d.title COLLATE NOCASE, d.id";
            conditions.Add("dataset_search MATCH @match");
            parameters.Add("match", match);
        }

        if (!query.IncludePrivate)
        {
            conditions.Add("d.visibility = 'public' AND d.current_version IS NOT NULL");
        }

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
            conditions.Add("EXISTS (SELECT 1 FROM json_each(d.tags) AS t WHERE t.value = @tag COLLATE NOCASE)");
            parameters.Add("tag", query.Tag);
        }

        parameters.Add("limit", query.Limit);
        parameters.Add("offset", query.Offset);

        string where = conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", conditions);
        string matches = $"WITH matches AS (SELECT d.id AS id, {rank} AS rank FROM {source} WHERE {where})";
        string sql = $"""
            {matches}
            SELECT COUNT(*) FROM matches;

            {matches}
            SELECT {DatasetColumns}
            FROM matches AS m JOIN datasets AS d ON d.id = m.id
            ORDER BY {order}
            LIMIT @limit OFFSET @offset;

            {matches}
            SELECT d.category AS Value, COUNT(*) AS Count
            FROM matches AS m JOIN datasets AS d ON d.id = m.id
            WHERE d.category IS NOT NULL AND d.category <> ''
            GROUP BY d.category
            ORDER BY Count DESC, Value;

            {matches}
            SELECT d.department AS Value, COUNT(*) AS Count
            FROM matches AS m JOIN datasets AS d ON d.id = m.id
            WHERE d.department IS NOT NULL AND d.department <> ''
            GROUP BY d.department
            ORDER BY Count DESC, Value;

            {matches}
            SELECT t.value AS Value, COUNT(DISTINCT d.id) AS Count
            FROM matches AS m JOIN datasets AS d ON d.id = m.id JOIN json_each(d.tags) AS t
            WHERE t.value <> ''
            GROUP BY t.value
            ORDER BY Count DESC, Value;
            """;

        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);

        // One read transaction, so the page, the total and the facets all see the same catalog.
        await using SqliteTransaction snapshot = connection.BeginTransaction(deferred: true);
        await using SqlMapper.GridReader results = await connection.QueryMultipleAsync(
            new CommandDefinition(sql, parameters, snapshot, cancellationToken: cancellationToken));

        long total = await results.ReadSingleAsync<long>();
        IEnumerable<DatasetRow> page = await results.ReadAsync<DatasetRow>();
        List<DatasetRecord> datasets = page.Select(row => row.ToRecord()).ToList();
        IReadOnlyList<FacetCount> categories = ToFacets(await results.ReadAsync<FacetRow>());
        IReadOnlyList<FacetCount> departments = ToFacets(await results.ReadAsync<FacetRow>());
        IReadOnlyList<FacetCount> tags = ToFacets(await results.ReadAsync<FacetRow>());

        return new CatalogSearchResult(datasets, checked((int)total), categories, departments, tags);
    }

    private static List<FacetCount> ToFacets(IEnumerable<FacetRow> rows) =>
        rows.Select(row => new FacetCount(row.Value, checked((int)row.Count))).ToList();

    private sealed class FacetRow
    {
        public string Value { get; set; } = "";

        public long Count { get; set; }
    }
}
