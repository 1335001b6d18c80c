using CivicData.Core.Schema;

namespace CivicData.Soql.Functions;

/// <summary>Geospatial predicates (soda.md §6.8 Geospatial). Arguments take latitude before longitude.</summary>
internal static class GeoFunctions
{
    public static IEnumerable<FunctionSymbol> Functions { get; } =
    [
        new("within_circle", FunctionKind.WithinCircle,
            [TypeSet.PointLike, TypeSet.Numeric, TypeSet.Numeric, TypeSet.Numeric], FunctionSymbol.Returns(SodaType.Checkbox)),
        new("within_box", FunctionKind.WithinBox,
            [TypeSet.PointLike, TypeSet.Numeric, TypeSet.Numeric, TypeSet.Numeric, TypeSet.Numeric], FunctionSymbol.Returns(SodaType.Checkbox)),
        new("distance_in_meters", FunctionKind.DistanceInMeters, [TypeSet.PointLike, TypeSet.PointLike], FunctionSymbol.Returns(SodaType.Number)),
    ];
}
