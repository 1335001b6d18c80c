using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;
using CivicData.Catalog.Sqlite;
using CivicData.Core.Datasets;
using CivicData.SideBySide.Engines;
using CivicData.SideBySide.Generation;
using CivicData.SideBySide.Measuring;
using CivicData.SideBySide.Reporting;
using Microsoft.Data.Sqlite;

namespace CivicData.SideBySide.Workloads;

/// <summary>
/// W7: word search and facet counts over 10,000 generated datasets' metadata. CivicData is the portal's
/// <c>/browse</c> page (one page of matches, the total and three facet lists, rendered as HTML) from a server of its
/// own; the baselines are the catalog store called in process and hand-written FTS5 and GROUP BY SQL on the same
/// <c>catalog.db</c>.
/// </summary>
internal static partial class W7Catalog
{
    public const int Datasets = 10_000;

    private const string SeedId = "cat0-0001";

    private const int PageSize = 20;

    /// <summary>The bm25 column weights of the portal's ranking (title, description, tags, category, department, columns).</summary>
    private const string Relevance = "bm25(dataset_search, 10.0, 2.0, 5.0, 3.0, 3.0, 1.0)";

    private static readonly SearchCase[] s_cases =
    [
        new("common word", "inspections", null),
        new("rare word", "beekeeping", null),
        new("two words", "street trees", null),
        new("word + category", "permits", "Housing and Development"),
        new("no words (all)", null, null),
    ];

    public static async Task RunAsync(BenchContext context)
    {
        string directory = Path.Combine(context.Options.WorkDirectory, "catalog");
        string catalogPath = Path.Combine(directory, "catalog.db");
        TimeSpan seeding = await SeedAsync(context, directory, catalogPath);

        int repetitions = Math.Max(context.Options.Repetitions, 20);
        var store = new SqliteCatalogStore(catalogPath, TimeProvider.System);
        await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = catalogPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await sqlite.OpenAsync();
        DatasetRecord seed = await store.FindDatasetAsync(DatasetId.Parse(SeedId), CancellationToken.None)
            ?? throw new InvalidOperationException("W7: the seed dataset is missing.");

        var results = new List<(SearchCase Case, int Matches, Summary Http, Summary InProcess, Summary Sqlite)>();
        await using (CivicDataServer server = await CivicDataServer.StartAsync(context.CivicData, directory, context.Http))
        {
            foreach (SearchCase search in s_cases)
            {
                BenchContext.Log($"W7: {search.Label} ({search.Path})");
                int rawTotal = await RawSearchAsync(sqlite, search);
                int storeTotal = (await store.SearchAsync(search.ToQuery(), CancellationToken.None)).Total;
                int pageTotal = await PageTotalAsync(context, server, search.Path);
                if (rawTotal != storeTotal || rawTotal != pageTotal)
                {
                    throw new InvalidOperationException($"W7 {search.Label}: /browse shows {pageTotal} datasets, SearchAsync {storeTotal}, SQLite {rawTotal}.");
                }

                Summary http = await Repeat.TimeAsync(3, repetitions, () => context.GetAsync(server, search.Path));
                Summary inProcess = await TimeUncachedAsync(store, seed, search.ToQuery(), repetitions);
                Summary raw = await Repeat.TimeAsync(3, repetitions, () => RawSearchAsync(sqlite, search));
                results.Add((search, rawTotal, http, inProcess, raw));
            }
        }

        ReportTable table = context.Report.Table(
            "W7 catalog search",
            $"{Datasets:N0} generated datasets (titles, descriptions, 12 categories, {CatalogGenerator.Departments.Count} departments, 3–8 of {CatalogGenerator.AllTags.Count} tags, licences), each public with a current version, in a data directory and server of their own. CivicData (HTTP): `GET /browse?…`, the portal page a user waits for: {PageSize} matches, the total and category, department and tag facet counts over all matches, rendered as HTML, body read to the end. CivicData's server answers a repeated search from its search cache, which any catalog write empties; so the HTTP rows are what a visitor gets for a common page, and the SearchAsync rows are the full cost after a write: the same search through `SqliteCatalogStore` in this process, each timed run preceded by an untimed metadata write that empties that store's cache. SQLite: hand-written SQL on a read-only connection to the same `catalog.db`, in one read transaction: a count, the page ordered by bm25 (prefix words AND-ed, as the portal does), and three GROUP BY facet counts, every value read. {repetitions} timed runs after 3 warm-ups; matches agree on all three.",
            "query", "matches", "median", "p95", "× SQLite");
        foreach ((SearchCase search, int matches, Summary http, Summary inProcess, Summary raw) in results)
        {
            string count = matches.ToString("N0", CultureInfo.InvariantCulture);
            table.Add($"{search.Label} `{search.Path}` CivicData (HTTP, repeated)", count, Summary.Milliseconds(http.Median), Summary.Milliseconds(http.P95), Ratio(http, raw));
            table.Add($"{search.Label} SearchAsync after a write", count, Summary.Milliseconds(inProcess.Median), Summary.Milliseconds(inProcess.P95), Ratio(inProcess, raw));
            table.Add($"{search.Label} SQLite", count, Summary.Milliseconds(raw.Median), Summary.Milliseconds(raw.P95), "1.00×");
        }

        table.Notes.Add($"Seeding: one CSV imported with `civicdata import`, then {Datasets:N0} datasets created and published through `SqliteCatalogStore` in {seeding.TotalSeconds:N1} s (untimed by the targets).");

        (SearchCase Case, int Matches, Summary Http, Summary InProcess, Summary Sqlite) representative = results[0];
        context.Report.Chart.Add(new ChartPoint("W7 search", "CivicData", representative.Http.Median));
        context.Report.Chart.Add(new ChartPoint("W7 search", "SQLite", representative.Sqlite.Median));

        (SearchCase Case, int Matches, Summary Http, Summary InProcess, Summary Sqlite) worst = results.MaxBy(result => result.Http.Median);
        (SearchCase Case, int Matches, Summary Http, Summary InProcess, Summary Sqlite) worstUncached = results.MaxBy(result => result.InProcess.Median);
        context.Report.Targets.Add(new TargetCheck(
            "W7",
            "p50 under 20 ms",
            $"{Summary.Milliseconds(worst.Http.Median)} slowest median over HTTP ({worst.Case.Label}); after a write, uncached: {Summary.Milliseconds(worstUncached.InProcess.Median)} ({worstUncached.Case.Label})",
            worst.Http.Median < 20));
    }

    /// <summary>
    /// A fresh data directory: one small CSV imported by the CLI (so there is a real table and version to point at),
    /// then the generated datasets written through the catalog store before any server holds the directory. The seed
    /// dataset itself is made private, so the portal shows exactly the generated ones.
    /// </summary>
    /// <summary>The search's full cost: before each run an untimed write that changes nothing empties the store's cache.</summary>
    private static async Task<Summary> TimeUncachedAsync(SqliteCatalogStore store, DatasetRecord seed, CatalogQuery query, int repetitions)
    {
        var samples = new List<double>(repetitions);
        for (int i = 0; i < repetitions + 3; i++)
        {
            await store.UpdateMetadataAsync(seed.Id, seed.Metadata, CancellationToken.None);
            long start = Stopwatch.GetTimestamp();
            await store.SearchAsync(query, CancellationToken.None);
            if (i >= 3)
            {
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return Summary.Of(samples);
    }

    private static async Task<TimeSpan> SeedAsync(BenchContext context, string directory, string catalogPath)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        string csv = Path.Combine(context.Options.WorkDirectory, "catalog-seed.csv");
        await File.WriteAllTextAsync(csv, "id,label,amount\n1,north,12.5\n2,south,7.25\n3,east,3\n");
        BenchContext.Log($"W7: seeding {Datasets:N0} datasets into {directory}");
        var clock = Stopwatch.StartNew();
        await context.CivicData.ImportAsync(directory, csv, SeedId, "Catalog seed", replace: false);

        var store = new SqliteCatalogStore(catalogPath, TimeProvider.System);
        await store.MigrateAsync(CancellationToken.None);
        DatasetId seedId = DatasetId.Parse(SeedId);
        DatasetRecord seed = await store.FindDatasetAsync(seedId, CancellationToken.None)
            ?? throw new InvalidOperationException($"civicdata import did not create {SeedId}.");
        DatasetVersion version = await store.FindVersionAsync(seedId, seed.CurrentVersion ?? 0, CancellationToken.None)
            ?? throw new InvalidOperationException($"{SeedId} has no current version after civicdata import.");
        await store.UpdateMetadataAsync(seedId, seed.Metadata with { Visibility = Visibility.Private }, CancellationToken.None);

        IReadOnlyList<(DatasetId Id, DatasetMetadata Metadata)> datasets = CatalogGenerator.Generate(Datasets);
        for (int i = 0; i < datasets.Count; i++)
        {
            (DatasetId id, DatasetMetadata metadata) = datasets[i];
            await store.CreateDatasetAsync(id, metadata, CancellationToken.None);
            // Table names are unique per version in the catalog, so each dataset gets its own name; /browse reads
            // only the catalog, never the table.
            string tableName = $"{version.TableName}_{i:D5}";
            await store.PublishVersionAsync(id, new NewVersion(1, tableName, version.RowCount, "replace", "seed.csv", version.Columns, null), CancellationToken.None);
        }

        // The store's pooled connections would otherwise stay open on the file the server is about to take.
        SqliteConnection.ClearAllPools();
        BenchContext.Log($"W7: seeded in {clock.Elapsed.TotalSeconds:N1} s");
        return clock.Elapsed;
    }

    /// <summary>The total the page shows in its results heading, e.g. <c>1,234 datasets</c>.</summary>
    private static async Task<int> PageTotalAsync(BenchContext context, CivicDataServer server, string path)
    {
        string html = await context.Http.GetStringAsync(new Uri(server.BaseAddress, path));
        Match heading = ResultsHeading().Match(html);
        return heading.Success
            ? int.Parse(heading.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"GET {path} has no results heading.");
    }

    /// <summary>
    /// The search by hand: a count, the first page by relevance, and the three facet counts, in one read transaction
    /// with every value read. Only constant SQL text; the words and the category travel as parameters.
    /// </summary>
    private static async Task<int> RawSearchAsync(SqliteConnection connection, SearchCase search)
    {
        string? match = MatchExpression(search.Words);
        string source = match is null ? "datasets AS d" : "dataset_search JOIN datasets AS d ON d.search_rowid = dataset_search.rowid";
        string filter = "d.visibility = 'public' AND d.current_version IS NOT NULL"
            + (match is null ? "" : " AND dataset_search MATCH $match")
            + (search.Category is null ? "" : " AND d.category = $category COLLATE NOCASE");
        string order = match is null ? "d.title COLLATE NOCASE, d.id" : Relevance + ", d.title COLLATE NOCASE, d.id";
        string sql = $"""
            SELECT COUNT(*) FROM {source} WHERE {filter};
            SELECT d.id, d.title, d.description, d.category, d.department, d.data_updated_at, d.metadata_updated_at
            FROM {source} WHERE {filter} ORDER BY {order} LIMIT {PageSize};
            SELECT d.category, COUNT(*) FROM {source} WHERE {filter} AND d.category <> '' GROUP BY d.category ORDER BY 2 DESC, 1;
            SELECT d.department, COUNT(*) FROM {source} WHERE {filter} AND d.department <> '' GROUP BY d.department ORDER BY 2 DESC, 1;
            SELECT t.value, COUNT(*) FROM {source} JOIN json_each(d.tags) AS t WHERE {filter} AND t.value <> '' GROUP BY t.value ORDER BY 2 DESC, 1;
            """;

        await using SqliteTransaction snapshot = connection.BeginTransaction(deferred: true);
        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = sql;
        if (match is not null)
        {
            command.Parameters.AddWithValue("$match", match);
        }

        if (search.Category is not null)
        {
            command.Parameters.AddWithValue("$category", search.Category);
        }

        await using SqliteDataReader reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        int total = checked((int)reader.GetInt64(0));
        while (await reader.NextResultAsync())
        {
            RawDuckDb.ReadAll(reader);
        }

        return total;
    }

    /// <summary>Each run of letters and digits as a quoted prefix token, all AND-ed: <c>street trees</c> → <c>"street"* AND "trees"*</c>.</summary>
    private static string? MatchExpression(string? words)
    {
        if (words is null)
        {
            return null;
        }

        string[] tokens = [.. NonWord().Split(words).Where(token => token.Length > 0)];
        return tokens.Length == 0 ? null : string.Join(" AND ", tokens.Select(token => $"\"{token}\"*"));
    }

    private static string Ratio(Summary value, Summary baseline) =>
        (value.Median / baseline.Median).ToString("N2", CultureInfo.InvariantCulture) + "×";

    [GeneratedRegex(@"id=""results-heading"">([\d,]+) datasets?<")]
    private static partial Regex ResultsHeading();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();

    /// <summary>One catalog search: words (or none) and an optional category facet filter.</summary>
    private sealed record SearchCase(string Label, string? Words, string? Category)
    {
        /// <summary>The portal URL, as the browse form would write it.</summary>
        public string Path
        {
            get
            {
                var parameters = new List<string>();
                if (Words is not null)
                {
                    parameters.Add("q=" + Uri.EscapeDataString(Words));
                }

                if (Category is not null)
                {
                    parameters.Add("category=" + Uri.EscapeDataString(Category));
                }

                return parameters.Count == 0 ? "/browse" : "/browse?" + string.Join('&', parameters);
            }
        }

        public CatalogQuery ToQuery() => new() { Text = Words, Category = Category, Limit = PageSize };
    }
}
