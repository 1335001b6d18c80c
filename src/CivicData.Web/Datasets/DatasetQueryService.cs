using System.Collections.Immutable;
using System.Globalization;
using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;
using CivicData.Catalog;
using CivicData.Catalog.Datasets;
using CivicData.Core;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;
using CivicData.Soql;
using CivicData.Storage;
using CivicData.Storage.Querying;
using CivicData.Web.Errors;
using CivicData.Web.Soda.Writers;

namespace CivicData.Web.Datasets;

/// <summary>
/// The query path of design.md §5 for every reader (SODA, the portal, CLI export): resolve the 4x4 and apply
/// visibility, compile SoQL against the current version, derive the ETag, run, and stream into a row writer.
/// </summary>
public sealed class DatasetQueryService(ICatalogStore catalog, IDataStore store, CompiledQueryCache compiledQueries)
{
    /// <summary>
    /// The dataset as <paramref name="caller"/> may see it. Unknown, malformed, unpublished and (for callers who may not
    /// see them) private datasets all give the same <see cref="NotFoundError"/>, so existence never leaks.
    /// </summary>
    public async Task<VisibleDataset> FindAsync(string id, DatasetCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!DatasetId.TryParse(id, out DatasetId datasetId))
        {
            throw DatasetNotFound();
        }

        DatasetRecord? record = await catalog.FindDatasetAsync(datasetId, cancellationToken);
        if (record?.CurrentVersion is not int versionNumber
            || !caller.MaySee(record.Metadata))
        {
            throw DatasetNotFound();
        }

        DatasetVersion version = await catalog.FindVersionAsync(datasetId, versionNumber, cancellationToken) ?? throw DatasetNotFound();
        ImmutableArray<ColumnSchema> columns = caller.MaySeeEverythingOf(record.Metadata)
            ? version.Columns
            : version.Columns.RemoveAll(column => column.Hidden);
        columns = [.. columns.OrderBy(column => column.Position)];
        return new VisibleDataset(record, version, new TableSchema(version.TableName, columns), caller);
    }

    /// <summary>
    /// Compiles <paramref name="request"/> (throwing <see cref="QueryError"/> for bad SoQL) and derives its ETag from
    /// (dataset, version, who may see what, normalised query, <paramref name="variant"/>), all without touching the store.
    /// </summary>
    /// <param name="variant">Whatever else changes the bytes: the format, and options such as a CSV BOM.</param>
    public PreparedQuery Prepare(VisibleDataset dataset, SoqlRequest request, string variant)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(request);
        CompiledQuery compiled = compiledQueries.GetOrCompile(request, dataset.Schema, store.Dialect);
        return new PreparedQuery(dataset, compiled, ComputeETag(dataset, request, variant));
    }

    /// <summary>Runs the query. The caller owns (and must dispose) the result.</summary>
    public async Task<QueryResult> ExecuteAsync(PreparedQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            return query.IsDownload
                ? await store.ExportAsync(query.Compiled.Statement, cancellationToken)
                : await store.QueryAsync(query.Compiled.Statement, cancellationToken);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Nobody cancelled but the clock.
            throw QueryTimedOut(exception);
        }
    }

    /// <summary>Runs the query and streams every row through <paramref name="writer"/> into <paramref name="output"/>.</summary>
    public async Task WriteAsync(PreparedQuery query, IRowWriter writer, PipeWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(writer);
        await using QueryResult result = await ExecuteAsync(query, cancellationToken);
        try
        {
            await writer.WriteAsync(result, query.Compiled.Columns, output, cancellationToken);
        }
        catch (Exception exception) when (result.TimedOut && !cancellationToken.IsCancellationRequested && exception is not CivicDataError)
        {
            throw QueryTimedOut(exception);
        }
    }

    /// <summary>Writes every row of a full download to a new Parquet file at <paramref name="path"/>.</summary>
    public async Task ExportParquetAsync(PreparedQuery query, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!query.IsDownload)
        {
            throw new InvalidOperationException("Only full downloads are exported to Parquet.");
        }

        await store.ExportParquetAsync(query.Compiled.Statement, query.Compiled.Columns, path, cancellationToken);
    }

    internal static NotFoundError DatasetNotFound() => new("not_found", "Dataset not found");

    private static QueryError QueryTimedOut(Exception inner) =>
        new(ErrorMapper.QueryTimeoutCode, "The query took too long and was cancelled. Narrow it with $where or $limit.", inner: inner);

    private static string ComputeETag(VisibleDataset dataset, SoqlRequest request, string variant)
    {
        // One labelled line per input so that no two different requests can run together into the same text.
        var text = new StringBuilder();
        text.Append("etag-v1\n")
            .Append("dataset=").Append(dataset.Id.Value).Append('\n')
            .Append("version=").Append(dataset.Version.Number).Append('\n')
            .Append("scope=").Append(dataset.Caller.Scope).Append('\n')
            .Append("variant=").Append(variant).Append('\n');
        SoqlRequestText.Append(text, request);

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "\"" + Convert.ToHexStringLower(hash.AsSpan(0, 16)) + "\"";
    }
}
