using CivicData.Storage.DuckDb;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace CivicData.Soql.Tests.Geospatial;

/// <summary>Compares a geometry read back from an engine (canonical GeoJSON text) with a hand-written WKT, normalised.</summary>
internal static class GeometryAssert
{
    private const double Tolerance = 1e-9;

    public static void Equal(string expectedWkt, object? actualGeoJson)
    {
        NetTopologySuite.Geometries.Geometry expected = new WKTReader().Read(expectedWkt);
        NetTopologySuite.Geometries.Geometry actual = GeoJsonGeometry.Read(Assert.IsType<string>(actualGeoJson));
        expected.Normalize();
        actual.Normalize();
        Assert.True(
            expected.GeometryType == actual.GeometryType && expected.EqualsExact(actual, Tolerance),
            $"Expected {expected.AsText()}, got {actual.AsText()}.");
    }
}
