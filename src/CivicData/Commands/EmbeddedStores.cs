using System.ComponentModel.DataAnnotations;
using CivicData.Catalog;
using CivicData.Catalog.Accounts;
using CivicData.Catalog.Sqlite;
using CivicData.Core;
using CivicData.Ingest.Publishing;
using CivicData.Storage;
using CivicData.Storage.DuckDb;
using Microsoft.Extensions.Configuration;

namespace CivicData.Commands;

/// <summary>The stores of a data directory, opened by a command that runs without the server.</summary>
internal sealed class EmbeddedStores : IAsyncDisposable
{
    private readonly DataDirectory _directory;
    private readonly DuckDbDataStore _data;

    private EmbeddedStores(DataDirectory directory, SqliteCatalogStore catalog, DuckDbDataStore data, StorageOptions options)
    {
        _directory = directory;
        _data = data;
        Catalog = catalog;
        Accounts = catalog;
        Options = options;
        Publisher = new DatasetPublisher(catalog, data, TimeProvider.System, options);
    }

    public ICatalogStore Catalog { get; }

    public IAccountStore Accounts { get; }

    public IDataStore Data => _data;

    public StorageOptions Options { get; }

    public DatasetPublisher Publisher { get; }

    /// <summary>Takes the data directory (failing clearly if a server holds it) and opens both stores.</summary>
    public static async Task<EmbeddedStores> OpenAsync(string path, CancellationToken cancellationToken)
    {
        DataDirectory directory = DataDirectory.Acquire(path);
        try
        {
            StorageOptions options = LoadStorageOptions();
            var catalog = new SqliteCatalogStore(directory.CatalogPath, TimeProvider.System);
            await catalog.MigrateAsync(cancellationToken);
            var data = new DuckDbDataStore(directory.DataPath, options);
            var stores = new EmbeddedStores(directory, catalog, data, options);
            await stores.Publisher.RemoveOrphansAsync(cancellationToken);
            return stores;
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The same "Storage" settings the server reads: appsettings.json beside the executable, then environment
    /// variables such as Storage__VersionsToKeep, so a command and a server on one data directory agree.
    /// </summary>
    private static StorageOptions LoadStorageOptions()
    {
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new StorageOptions();
        configuration.GetSection("Storage").Bind(options);
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new ValidationError("config.storage", "Invalid Storage settings: " + string.Join(" ", problems.Select(p => p.ErrorMessage)));
        }

        return options;
    }

    public async ValueTask DisposeAsync()
    {
        await _data.DisposeAsync();
        _directory.Dispose();
    }
}
