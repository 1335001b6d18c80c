using CivicData.Core.Schema;

namespace CivicData.Soql.Functions;

/// <summary>
/// Geospatial functions (soda.md §6.8 Geospatial). Arguments take latitude before longitude; WKT literals are
/// longitude first. The renderer hands every kind but within_circle and within_box to
/// <see cref="Rendering.Dialects.ISqlDialect.GeometryCall"/> with the argument types, since DuckDB stores points and other
/// geometries differently.
/// </summary>
internal static class GeoFunctions
{
    public static IEnumerable<FunctionSymbol> Functions { get; } =
    [
        new("within_circle", FunctionKind.WithinCircle,
            [TypeSet.PointLike, TypeSet.Numeric, TypeSet.Numeric, TypeSet.Numeric], FunctionSymbol.Returns(SodaType.Checkbox)),
        new("within_box", FunctionKind.WithinBox,
            [TypeSet.PointLike, TypeSet.Numeric, TypeSet.Numeric, TypeSet.Numeric, TypeSet.Numeric], FunctionSymbol.Returns(SodaType.Checkbox)),
        new("distance_in_meters", FunctionKind.DistanceInMeters, [TypeSet.PointLike, TypeSet.PointLike], FunctionSymbol.Returns(SodaType.Number)),
        new("within_polygon", FunctionKind.WithinPolygon, [TypeSet.Geometry, TypeSet.PolygonLike], FunctionSymbol.Returns(SodaType.Checkbox)),
        new("intersects", FunctionKind.Intersects, [TypeSet.Geometry, TypeSet.Geometry], FunctionSymbol.Returns(SodaType.Checkbox)),
        new("num_points", FunctionKind.NumPoints, [TypeSet.Geometry], FunctionSymbol.Returns(SodaType.Number)),
        new("simplify", FunctionKind.Simplify, [TypeSet.Geometry, TypeSet.Numeric], FunctionSymbol.SameAsFirst),
        new("simplify_preserve_topology", FunctionKind.SimplifyPreserveTopology, [TypeSet.Geometry, TypeSet.Numeric], FunctionSymbol.SameAsFirst),
        new("make_point", FunctionKind.MakePoint, [TypeSet.Numeric, TypeSet.Numeric], FunctionSymbol.Returns(SodaType.Point)),

        // Aggregates over a set of geometries (soda.md §6.8 Aggregates).
        new("convex_hull", FunctionKind.ConvexHull, [TypeSet.Geometry], FunctionSymbol.Returns(SodaType.MultiPolygon), isAggregate: true),
        new("extent", FunctionKind.Extent, [TypeSet.Geometry], FunctionSymbol.Returns(SodaType.MultiPolygon), isAggregate: true),
    ];
}
