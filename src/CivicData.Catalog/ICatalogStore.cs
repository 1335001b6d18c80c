using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;
using CivicData.Core.Datasets;

namespace CivicData.Catalog;

/// <summary>Datasets' metadata, versions and columns; SQLite embedded, PostgreSQL in server mode.</summary>
public interface ICatalogStore
{
    /// <summary>Creates or upgrades the schema; safe to call at every start.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken);

    public Task<DatasetRecord?> FindDatasetAsync(DatasetId id, CancellationToken cancellationToken);

    public Task<DatasetRecord> CreateDatasetAsync(DatasetId id, DatasetMetadata metadata, CancellationToken cancellationToken);

    /// <summary>Replaces the metadata; throws <see cref="Core.NotFoundError"/> for an unknown id.</summary>
    public Task<DatasetRecord> UpdateMetadataAsync(DatasetId id, DatasetMetadata metadata, CancellationToken cancellationToken);

    /// <summary>
    /// Hides the dataset from every reader for good (CKAN's package_delete): lookups, search, facets and every front
    /// door then act as if it never existed, while its versions and tables are kept and its id is never reused.
    /// False when there is no such (undeleted) dataset.
    /// </summary>
    public Task<bool> DeleteDatasetAsync(DatasetId id, CancellationToken cancellationToken);

    /// <summary>The next version number to load into (1 for a new dataset); never reuses a number.</summary>
    public Task<int> NextVersionNumberAsync(DatasetId id, CancellationToken cancellationToken);

    /// <summary>Records the version and its columns and makes it current, all in one transaction.</summary>
    public Task<DatasetVersion> PublishVersionAsync(DatasetId id, NewVersion version, CancellationToken cancellationToken);

    public Task<DatasetVersion?> FindVersionAsync(DatasetId id, int number, CancellationToken cancellationToken);

    /// <summary>All versions of a dataset, newest first.</summary>
    public Task<IReadOnlyList<DatasetVersion>> ListVersionsAsync(DatasetId id, CancellationToken cancellationToken);

    /// <summary>Forgets a non-current version (after the store dropped its table).</summary>
    public Task DeleteVersionAsync(DatasetId id, int number, CancellationToken cancellationToken);

    /// <summary>Every table name any version points at, so the data store can drop orphans of interrupted loads.</summary>
    public Task<IReadOnlySet<string>> ListTableNamesAsync(CancellationToken cancellationToken);

    public Task<int> CountDatasetsAsync(CancellationToken cancellationToken);

    public Task<CatalogSearchResult> SearchAsync(CatalogQuery query, CancellationToken cancellationToken);
}
