namespace CivicData.Core.Schema;

/// <summary>The column types of SODA 2.1 (see shared/specs/soda.md §4).</summary>
public enum SodaType
{
    Text,
    Number,
    Double,
    Money,
    Checkbox,
    FloatingTimestamp,
    FixedTimestamp,
    Point,
    MultiPoint,
    Line,
    MultiLine,
    Polygon,
    MultiPolygon,
    Location,
    Url,
    Json,
}
