using System.Collections.Immutable;
using System.Data.Common;
using System.IO.Pipelines;
using CivicData.Soql;
using CivicData.Storage.Querying;

namespace CivicData.Web.Soda.Writers;

/// <summary>
/// One output format of query rows (SODA .json, .csv, .geojson). Writers stream: they read a row, write it, and
/// flush every <see cref="RowWriting.FlushEvery"/> rows; they never complete <c>output</c>, its owner does.
/// They know nothing about HTTP, so the CLI export reuses them over a file.
/// </summary>
public interface IRowWriter
{
    /// <summary>The exact Content-Type the format is served with.</summary>
    public string ContentType { get; }

    /// <summary>Writes every row of <paramref name="result"/>, reading with the result's own cancellation token as well.</summary>
    public Task WriteAsync(QueryResult result, ImmutableArray<OutputColumn> columns, PipeWriter output, CancellationToken cancellationToken) =>
        RowWriting.WriteAsync(this, result, columns, output, cancellationToken);

    /// <summary>Writes every row of <paramref name="reader"/>; result column i is output column i.</summary>
    public Task WriteAsync(DbDataReader reader, ImmutableArray<OutputColumn> columns, PipeWriter output, CancellationToken cancellationToken);
}
