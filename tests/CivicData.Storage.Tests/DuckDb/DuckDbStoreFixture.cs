using CivicData.Storage.DuckDb;

namespace CivicData.Storage.Tests.DuckDb;

/// <summary>A real DuckDB file in a fresh temporary directory.</summary>
public sealed class DuckDbStoreFixture : IAsyncDisposable
{
    public DuckDbStoreFixture(TimeSpan? queryTimeout = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "civicdata-storage-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
        Store = new DuckDbDataStore(Path.Combine(Directory, "data.duckdb"), new StorageOptions { QueryTimeout = queryTimeout ?? TimeSpan.FromSeconds(30) });
    }

    public string Directory { get; }

    public DuckDbDataStore Store { get; }

    public string WriteFile(string name, string content)
    {
        string path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
