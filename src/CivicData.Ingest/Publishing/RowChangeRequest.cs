using CivicData.Core.Datasets;

namespace CivicData.Ingest.Publishing;

/// <summary>Rows to write into an existing dataset's next version.</summary>
public sealed record RowChangeRequest(DatasetId Id, RowChangeMode Mode, IReadOnlyList<RowChange> Rows);
