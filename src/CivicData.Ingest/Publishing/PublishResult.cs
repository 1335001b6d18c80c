using System.Collections.Immutable;
using CivicData.Core.Datasets;
using CivicData.Storage.Loading;

namespace CivicData.Ingest.Publishing;

/// <summary>The version a publish made current, and the rows it skipped (only with SkipBadRows).</summary>
public sealed record PublishResult(DatasetId Id, int Version, long RowCount, long SkippedRows, ImmutableArray<BadRow> Problems);
