using System.Collections.Immutable;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;

namespace CivicData.Catalog.Datasets;

/// <summary>One loaded version of a dataset: its table in the data store and the columns it has.</summary>
/// <param name="Number">1, 2, 3 ... per dataset.</param>
/// <param name="TableName">Physical table in the data store (generated, never user text).</param>
/// <param name="Mode">How it was made: "create", "replace", "append" or "upsert".</param>
/// <param name="Source">The file or URL it came from (file name only, no machine paths).</param>
public sealed record DatasetVersion(
    DatasetId DatasetId,
    int Number,
    string TableName,
    long RowCount,
    DateTimeOffset CreatedAt,
    string Mode,
    string Source,
    ImmutableArray<ColumnSchema> Columns)
{
    public TableSchema ToTableSchema() => new(TableName, Columns);
}
