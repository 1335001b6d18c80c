using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace CivicData.Storage.DuckDb;

/// <summary>
/// The GeoJSON geometry objects DuckDB stores for non-point geometries (Point, MultiPoint, LineString,
/// MultiLineString, Polygon, MultiPolygon), read into NetTopologySuite and written back as compact GeoJSON with
/// shortest round-trip numbers.
/// </summary>
public static class GeoJsonGeometry
{
    private static readonly GeometryFactory s_factory = new(new PrecisionModel(), 4326);

    public static Geometry Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement);
    }

    /// <summary>A JSON array of geometry objects, as one collection.</summary>
    public static GeometryCollection ReadArray(string json)
    {
        using var document = JsonDocument.Parse(json);
        return s_factory.CreateGeometryCollection([.. document.RootElement.EnumerateArray().Select(Read)]);
    }

    public static Geometry Read(JsonElement geometry)
    {
        string type = geometry.GetProperty("type").GetString() ?? "";
        JsonElement coordinates = geometry.GetProperty("coordinates");
        return type switch
        {
            "Point" => s_factory.CreatePoint(Position(coordinates)),
            "MultiPoint" => s_factory.CreateMultiPointFromCoords(Positions(coordinates)),
            "LineString" => s_factory.CreateLineString(Positions(coordinates)),
            "MultiLineString" => s_factory.CreateMultiLineString([.. coordinates.EnumerateArray().Select(line => s_factory.CreateLineString(Positions(line)))]),
            "Polygon" => Polygon(coordinates),
            "MultiPolygon" => s_factory.CreateMultiPolygon([.. coordinates.EnumerateArray().Select(Polygon)]),
            _ => throw new FormatException($"Unsupported GeoJSON geometry type '{type}'."),
        };
    }

    /// <summary>A bounding box (<c>ST_MakeEnvelope</c>'s ring order) as a one-polygon multipolygon.</summary>
    public static MultiPolygon Box(double xMin, double yMin, double xMax, double yMax) => s_factory.CreateMultiPolygon(
    [
        s_factory.CreatePolygon([new(xMin, yMin), new(xMin, yMax), new(xMax, yMax), new(xMax, yMin), new(xMin, yMin)]),
    ]);

    /// <summary>PostGIS's <c>ST_Multi</c>: a single point, line or polygon becomes a one-member multi-geometry.</summary>
    public static Geometry Multi(Geometry geometry) => geometry switch
    {
        Point point => s_factory.CreateMultiPoint([point]),
        LineString line => s_factory.CreateMultiLineString([line]),
        Polygon polygon => s_factory.CreateMultiPolygon([polygon]),
        _ => geometry,
    };

    public static Point Point(double longitude, double latitude) => s_factory.CreatePoint(new Coordinate(longitude, latitude));

    public static string Write(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var json = new StringBuilder();
        json.Append("{\"type\":\"").Append(geometry.GeometryType).Append("\",\"coordinates\":");
        WriteCoordinates(json, geometry);
        return json.Append('}').ToString();
    }

    private static Polygon Polygon(JsonElement rings)
    {
        LinearRing[] all = [.. rings.EnumerateArray().Select(ring => s_factory.CreateLinearRing(Positions(ring)))];
        return s_factory.CreatePolygon(all[0], all[1..]);
    }

    private static Coordinate Position(JsonElement position) => new(position[0].GetDouble(), position[1].GetDouble());

    private static Coordinate[] Positions(JsonElement positions) => [.. positions.EnumerateArray().Select(Position)];

    private static void WriteCoordinates(StringBuilder json, Geometry geometry)
    {
        switch (geometry)
        {
            case Point point:
                WritePosition(json, point.Coordinate);
                break;
            case LineString line:
                WritePositions(json, line.Coordinates);
                break;
            case Polygon polygon:
                json.Append('[');
                WritePositions(json, polygon.ExteriorRing.Coordinates);
                foreach (LineString hole in polygon.InteriorRings)
                {
                    json.Append(',');
                    WritePositions(json, hole.Coordinates);
                }

                json.Append(']');
                break;
            case GeometryCollection collection:
                json.Append('[');
                for (int i = 0; i < collection.NumGeometries; i++)
                {
                    json.Append(i > 0 ? "," : "");
                    WriteCoordinates(json, collection.GetGeometryN(i));
                }

                json.Append(']');
                break;
            default:
                throw new FormatException($"Unsupported geometry type '{geometry.GeometryType}'.");
        }
    }

    private static void WritePositions(StringBuilder json, Coordinate[] coordinates)
    {
        json.Append('[');
        for (int i = 0; i < coordinates.Length; i++)
        {
            json.Append(i > 0 ? "," : "");
            WritePosition(json, coordinates[i]);
        }

        json.Append(']');
    }

    private static void WritePosition(StringBuilder json, Coordinate coordinate) =>
        json.Append('[').Append(coordinate.X.ToString("R", CultureInfo.InvariantCulture)).Append(',')
            .Append(coordinate.Y.ToString("R", CultureInfo.InvariantCulture)).Append(']');
}
