using CivicData.Catalog.Sqlite;
using Microsoft.Data.Sqlite;

namespace CivicData.Catalog.Tests.Sqlite;

/// <summary>Real SQLite files under one temporary folder, one file (in its own sub-folder) per store.</summary>
public sealed class SqliteCatalogFixture : ICatalogStoreFixture, IDisposable
{
    public SqliteCatalogFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "civicdata-catalog-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A path for a catalog file whose folder does not exist yet.</summary>
    public string NewDatabasePath() => Path.Combine(Root, Guid.NewGuid().ToString("N"), "catalog.db");

    public async Task<ICatalogStore> CreateStoreAsync(TimeProvider clock)
    {
        var store = new SqliteCatalogStore(NewDatabasePath(), clock);
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder is under the system temp directory.
        }
    }
}
