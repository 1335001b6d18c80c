using System.Collections.Immutable;
using CivicData.Soql;
using CivicData.Soql.Rendering.Dialects;
using CivicData.Soql.Rendering.Sql;
using CivicData.Storage.Loading;
using CivicData.Storage.Querying;

namespace CivicData.Storage;

/// <summary>
/// Dataset rows: one table per version. Loads go through a staging table of raw text, are profiled for type
/// inference, then converted into a new version table in one step; queries stream.
/// </summary>
public interface IDataStore
{
    /// <summary>The SQL dialect the query compiler renders for this store.</summary>
    public ISqlDialect Dialect { get; }

    /// <summary>Runs a compiled query with the configured time limit and returns a streaming reader.</summary>
    public Task<QueryResult> QueryAsync(SqlStatement statement, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a full download with no time limit: streaming millions of rows to a slow client may rightly take minutes,
    /// and the caller's token (the client going away, Ctrl+C) still stops it.
    /// </summary>
    public Task<QueryResult> ExportAsync(SqlStatement statement, CancellationToken cancellationToken);

    /// <summary>
    /// Writes every row of a full-download query to a new Parquet file at <paramref name="path"/> (a path the caller
    /// chose, never request text), with the output names as column names and points as WKT; no time limit.
    /// </summary>
    public Task ExportParquetAsync(SqlStatement statement, ImmutableArray<OutputColumn> columns, string path, CancellationToken cancellationToken);

    /// <summary>Bulk-loads a UTF-8 delimited file (header row first) into a new staging table of text columns.</summary>
    public Task<StagingTable> StageDelimitedFileAsync(string path, char delimiter, int columnCount, CancellationToken cancellationToken);

    /// <summary>Creates a staging table of <paramref name="columnCount"/> text columns and lets <paramref name="fill"/> append rows.</summary>
    public Task<StagingTable> StageRowsAsync(int columnCount, Func<IStagingSink, CancellationToken, Task> fill, CancellationToken cancellationToken);

    /// <summary>Counts, per staged column, the values that would convert to each candidate type.</summary>
    public Task<IReadOnlyList<StagedColumnProfile>> ProfileAsync(StagingTable staging, CancellationToken cancellationToken);

    /// <summary>Validates the staged rows against the plan and, if they pass (or bad rows may be skipped), creates the version table.</summary>
    public Task<VersionBuildResult> BuildVersionAsync(VersionBuildPlan plan, CancellationToken cancellationToken);

    public Task DropTableAsync(string tableName, CancellationToken cancellationToken);

    /// <summary>Names of every version and staging table in the store.</summary>
    public Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken cancellationToken);
}
