using System.Text.Json;

using CivicData.Core.Schema;

namespace CivicData.Ingest.Readers;

/// <summary>GeoJSON geometry objects and the SODA geometry types they map to.</summary>
internal static class GeoJsonGeometry
{
    /// <summary>The SODA type for a GeoJSON geometry type name; false for GeometryCollection and unknown names.</summary>
    public static bool TryMapType(string? geometryType, out SodaType type)
    {
        SodaType? mapped = geometryType switch
        {
            "Point" => SodaType.Point,
            "MultiPoint" => SodaType.MultiPoint,
            "LineString" => SodaType.Line,
            "MultiLineString" => SodaType.MultiLine,
            "Polygon" => SodaType.Polygon,
            "MultiPolygon" => SodaType.MultiPolygon,
            _ => null,
        };
        type = mapped.GetValueOrDefault();
        return mapped.HasValue;
    }

    /// <summary>Whether <paramref name="value"/> looks like a GeoJSON geometry that maps to a SODA type.</summary>
    public static bool TryGetType(JsonElement value, out SodaType type)
    {
        type = default;
        return value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("type", out JsonElement typeName)
            && typeName.ValueKind == JsonValueKind.String
            && value.TryGetProperty("coordinates", out JsonElement coordinates)
            && coordinates.ValueKind == JsonValueKind.Array
            && TryMapType(typeName.GetString(), out type);
    }

    /// <summary>
    /// One column type that holds every type in <paramref name="types"/>: the type itself when there is one, the Multi
    /// form when single and Multi forms of the same family are mixed (Polygon + MultiPolygon → MultiPolygon, likewise
    /// for points and lines), otherwise null.
    /// </summary>
    public static SodaType? Combine(IReadOnlyCollection<SodaType> types)
    {
        if (types.Count == 1)
        {
            return types.First();
        }

        if (types.All(t => t is SodaType.Polygon or SodaType.MultiPolygon))
        {
            return SodaType.MultiPolygon;
        }

        if (types.All(t => t is SodaType.Point or SodaType.MultiPoint))
        {
            return SodaType.MultiPoint;
        }

        if (types.All(t => t is SodaType.Line or SodaType.MultiLine))
        {
            return SodaType.MultiLine;
        }

        return null;
    }

    /// <summary>The GeoJSON names of <paramref name="types"/>, for error messages.</summary>
    public static IEnumerable<string> GeoJsonNames(IEnumerable<SodaType> types) => types.Select(t => t switch
    {
        SodaType.Line => "LineString",
        SodaType.MultiLine => "MultiLineString",
        _ => t.ToString(),
    });
}
