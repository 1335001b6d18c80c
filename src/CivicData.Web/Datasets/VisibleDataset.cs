using System.Collections.Immutable;
using CivicData.Catalog.Datasets;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;

namespace CivicData.Web.Datasets;

/// <summary>A dataset the caller is allowed to see, with its current version and the columns visible to the caller.</summary>
public sealed record VisibleDataset(DatasetRecord Record, DatasetVersion Version, TableSchema Schema, DatasetCaller Caller)
{
    public DatasetId Id => Record.Id;

    public DatasetMetadata Metadata => Record.Metadata;

    public ImmutableArray<ColumnSchema> Columns => Schema.Columns;

    /// <summary>When the rows last changed.</summary>
    public DateTimeOffset DataUpdatedAt => Record.DataUpdatedAt ?? Version.CreatedAt;

    /// <summary>The later of the last data and metadata change (SODA's Last-Modified).</summary>
    public DateTimeOffset LastModified => DataUpdatedAt > Record.MetadataUpdatedAt ? DataUpdatedAt : Record.MetadataUpdatedAt;
}
