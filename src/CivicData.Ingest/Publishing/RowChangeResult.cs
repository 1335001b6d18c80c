using CivicData.Core.Datasets;
using CivicData.Storage.Loading;

namespace CivicData.Ingest.Publishing;

/// <summary>The version current after a row-by-row write (unchanged when the write changed no row) and what it did.</summary>
public sealed record RowChangeResult(DatasetId Id, int Version, long RowCount, RowChangeCounts Counts);
