using CivicData.Catalog.Datasets;
using CivicData.Catalog.Sqlite;
using CivicData.Core.Datasets;
using CivicData.Ingest.Publishing;
using CivicData.Soql.Rendering.Sql;
using CivicData.Storage;
using CivicData.Storage.DuckDb;
using CivicData.Storage.Querying;

namespace CivicData.Ingest.Tests.Publishing;

/// <summary>Real SQLite catalog and DuckDB store in a temporary data directory, with a publisher over them.</summary>
public sealed class PublishingFixture : IAsyncDisposable
{
    private readonly DuckDbDataStore _store;

    private PublishingFixture(string directory, SqliteCatalogStore catalog, DuckDbDataStore store, StorageOptions options)
    {
        Directory = directory;
        Catalog = catalog;
        _store = store;
        Publisher = new DatasetPublisher(catalog, store, TimeProvider.System, options);
    }

    public string Directory { get; }

    public SqliteCatalogStore Catalog { get; }

    public IDataStore Store => _store;

    public DatasetPublisher Publisher { get; }

    public static async Task<PublishingFixture> CreateAsync(int versionsToKeep = 5)
    {
        string directory = Path.Combine(Path.GetTempPath(), "civicdata-ingest-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var catalog = new SqliteCatalogStore(Path.Combine(directory, "catalog.db"), TimeProvider.System);
        await catalog.MigrateAsync(CancellationToken.None);
        var options = new StorageOptions { VersionsToKeep = versionsToKeep };
        var store = new DuckDbDataStore(Path.Combine(directory, "data.duckdb"), options);
        return new PublishingFixture(directory, catalog, store, options);
    }

    public Task<PublishResult> PublishAsync(PublishRequest request) => Publisher.PublishAsync(request, null, CancellationToken.None);

    public string WriteFile(string name, string content)
    {
        string path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<DatasetVersion> CurrentVersionAsync(DatasetId id)
    {
        DatasetRecord dataset = await Catalog.FindDatasetAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"no dataset {id}");
        return await Catalog.FindVersionAsync(id, dataset.CurrentVersion!.Value, CancellationToken.None) ?? throw new InvalidOperationException("no version");
    }

    /// <summary>Runs hand-written SQL; {table} stands for the dataset's current version table.</summary>
    public async Task<List<object?[]>> QueryAsync(DatasetId id, string sql, params object?[] parameters)
    {
        DatasetVersion version = await CurrentVersionAsync(id);
        return await QueryTableAsync(version.TableName, sql, parameters);
    }

    public async Task<List<object?[]>> QueryTableAsync(string table, string sql, params object?[] parameters)
    {
        var statement = new SqlStatement(sql.Replace("{table}", "\"" + table + "\"", StringComparison.Ordinal),
            [.. parameters.Select(p => new SqlParameterValue(p, Core.Schema.SodaType.Text))]);
        await using QueryResult result = await Store.QueryAsync(statement, CancellationToken.None);
        var rows = new List<object?[]>();
        while (await result.Reader.ReadAsync(result.CancellationToken))
        {
            object?[] row = new object?[result.Reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = result.Reader.IsDBNull(i) ? null : result.Reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Every cell of the current version as text, in row order: a byte-for-byte fingerprint of what readers see.</summary>
    public async Task<string> DumpAsync(DatasetId id)
    {
        DatasetVersion version = await CurrentVersionAsync(id);
        string columns = string.Join(" || '|' || ", version.Columns.Select(c => $"coalesce(CAST(\"{c.PhysicalName}\" AS VARCHAR), '∅')"));
        List<object?[]> rows = await QueryTableAsync(version.TableName, $"SELECT \":id\" || '|' || {columns} FROM {{table}} ORDER BY \":seq\"");
        return string.Join("\n", rows.Select(r => (string)r[0]!));
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
