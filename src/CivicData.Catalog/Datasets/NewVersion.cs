using System.Collections.Immutable;
using CivicData.Core.Schema;

namespace CivicData.Catalog.Datasets;

/// <summary>A version that the data store has finished loading and that is ready to become current.</summary>
public sealed record NewVersion(
    int Number,
    string TableName,
    long RowCount,
    string Mode,
    string Source,
    ImmutableArray<ColumnSchema> Columns,
    string? RowIdentifier);
