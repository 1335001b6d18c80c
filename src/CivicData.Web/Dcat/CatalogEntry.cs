using CivicData.Catalog.Datasets;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;

namespace CivicData.Web.Dcat;

/// <summary>A dataset as the public catalogs list it: public, published, with its current version.</summary>
public sealed record CatalogEntry(DatasetRecord Record, DatasetVersion Version)
{
    public DatasetId Id => Record.Id;

    public DatasetMetadata Metadata => Record.Metadata;

    /// <summary>The last data or metadata change (POD <c>modified</c>), whole seconds in UTC.</summary>
    public DateTimeOffset Modified
    {
        get
        {
            DateTimeOffset data = Record.DataUpdatedAt ?? Version.CreatedAt;
            DateTimeOffset latest = data > Record.MetadataUpdatedAt ? data : Record.MetadataUpdatedAt;
            return new DateTimeOffset(latest.UtcTicks - (latest.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        }
    }

    /// <summary>The publisher's date of first publication, or the day the portal first held the dataset.</summary>
    public DateOnly Issued => Metadata.Issued ?? DateOnly.FromDateTime(Record.CreatedAt.UtcDateTime);

    /// <summary>Whether the public sees a geometry column, so that a GeoJSON download makes sense.</summary>
    public bool HasGeometry => Version.Columns.Any(column => !column.Hidden && column.Type.IsGeometry());
}
