using System.Collections.Immutable;
using CivicData.Core.Schema;
using CivicData.Soql.Tests.Engines;

namespace CivicData.Soql.Tests.Geospatial;

/// <summary>
/// Three council-district-like shapes near Los Angeles, written by hand, and a row of nulls. CD1 and CD2 are
/// 0.1° squares sharing the edge lon = -118.2; CD3 is a square away to the south-west with one extra vertex 0.001°
/// above its top edge. Each district's <c>hq</c> is inside CD1 (CD1), on the CD1/CD2 edge (CD2), or outside every
/// district (CD3).
/// </summary>
public static class DistrictRows
{
    public const string Cd1 = "POLYGON ((-118.3 34, -118.2 34, -118.2 34.1, -118.3 34.1, -118.3 34))";
    public const string Cd2 = "POLYGON ((-118.2 34, -118.1 34, -118.1 34.1, -118.2 34.1, -118.2 34))";
    public const string Cd3 = "POLYGON ((-118.5 33.9, -118.4 33.9, -118.4 34, -118.45 34.001, -118.5 34, -118.5 33.9))";

    public static TableSchema Schema { get; } = new("ds_dist_0001_v1",
    [
        new ColumnSchema(1, "name", "Name", SodaType.Text, 1),
        new ColumnSchema(2, "boundary", "Boundary", SodaType.Polygon, 2),
        new ColumnSchema(3, "hq", "Headquarters", SodaType.Point, 3),
        new ColumnSchema(4, "route", "Route", SodaType.Line, 4),
    ]);

    public static IReadOnlyList<object?[]> All { get; } =
    [
        ["CD1", """{"type":"Polygon","coordinates":[[[-118.3,34],[-118.2,34],[-118.2,34.1],[-118.3,34.1],[-118.3,34]]]}""",
            new TestPoint(-118.25, 34.05), """{"type":"LineString","coordinates":[[-118.3,34],[-118.25,34.05],[-118.2,34.1]]}"""],
        ["CD2", """{"type":"Polygon","coordinates":[[[-118.2,34],[-118.1,34],[-118.1,34.1],[-118.2,34.1],[-118.2,34]]]}""",
            new TestPoint(-118.2, 34.05), """{"type":"LineString","coordinates":[[-118.2,34],[-118.1,34.1]]}"""],
        ["CD3", """{"type":"Polygon","coordinates":[[[-118.5,33.9],[-118.4,33.9],[-118.4,34],[-118.45,34.001],[-118.5,34],[-118.5,33.9]]]}""",
            new TestPoint(-118, 33), """{"type":"LineString","coordinates":[[-118.5,33.9],[-118.45,33.95],[-118.4,33.9],[-118.35,33.95]]}"""],
        ["CD4", null, null, null],
    ];

    public static ImmutableArray<string> Names => [.. All.Select(row => (string)row[0]!)];
}
