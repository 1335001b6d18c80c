using CivicData.Core.Schema;

namespace CivicData.Soql.Functions;

/// <summary>The argument types a function parameter accepts.</summary>
/// <param name="Preferred">The type a flexible (string) literal is converted to when passed here.</param>
public sealed class TypeSet(string description, Func<SodaType, bool> accepts, SodaType preferred)
{
    public static TypeSet Any { get; } = new("any", _ => true, SodaType.Text);

    public static TypeSet Numeric { get; } = new("number", type => type.IsNumeric(), SodaType.Number);

    public static TypeSet Text { get; } = new("text", type => type is SodaType.Text or SodaType.Url, SodaType.Text);

    public static TypeSet Timestamp { get; } = new("timestamp", type => type is SodaType.FloatingTimestamp or SodaType.FixedTimestamp, SodaType.FloatingTimestamp);

    public static TypeSet FloatingTimestamp { get; } = new("floating_timestamp", type => type is SodaType.FloatingTimestamp, SodaType.FloatingTimestamp);

    public static TypeSet FixedTimestamp { get; } = new("fixed_timestamp", type => type is SodaType.FixedTimestamp, SodaType.FixedTimestamp);

    /// <summary>Values stored as a (lon, lat) pair.</summary>
    public static TypeSet PointLike { get; } = new("point", type => type is SodaType.Point or SodaType.Location, SodaType.Point);

    /// <summary>Any geometry, point and location included; a WKT literal passed here keeps the kind it names.</summary>
    public static TypeSet Geometry { get; } = new("geometry", type => type.IsGeometry(), SodaType.MultiPolygon);

    /// <summary>What within_polygon tests against; a POLYGON literal is promoted to a MULTIPOLYGON.</summary>
    public static TypeSet PolygonLike { get; } = new("polygon", type => type is SodaType.Polygon or SodaType.MultiPolygon, SodaType.MultiPolygon);

    /// <summary>Types with an order: everything but geometry and json.</summary>
    public static TypeSet Orderable { get; } = new("orderable", type => !type.IsGeometry() && type != SodaType.Json, SodaType.Text);

    /// <summary>Orderable types other than numbers: what median picks a middle value of.</summary>
    public static TypeSet DiscreteOrderable { get; } = new("text or timestamp",
        type => type is SodaType.Text or SodaType.Url or SodaType.FloatingTimestamp or SodaType.FixedTimestamp, SodaType.Text);

    public string Description { get; } = description;

    public SodaType Preferred { get; } = preferred;

    public bool Accepts(SodaType type) => accepts(type);

    /// <summary>A text literal passed here is read as WKT (see <see cref="Binding.GeometryValue"/>).</summary>
    public bool TakesGeometry => Preferred.IsGeometry();
}
