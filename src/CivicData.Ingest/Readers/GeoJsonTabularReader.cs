using System.Globalization;
using System.Text.Json;

using CivicData.Core.Schema;

namespace CivicData.Ingest.Readers;

/// <summary>
/// Reads a GeoJSON FeatureCollection: one row per feature, the union of property keys as columns (first-seen order)
/// and the geometry last, in a column named <c>the_geom</c> holding the geometry's GeoJSON text. The first pass collects
/// columns and the geometry type; the second yields rows. One feature is held at a time.
/// </summary>
internal sealed class GeoJsonTabularReader : ITabularReader
{
    /// <summary>The name Socrata gives the geometry column of an imported shape file or GeoJSON.</summary>
    public const string GeometryColumnName = "the_geom";

    private static readonly string[] s_wgs84Names =
    [
        "urn:ogc:def:crs:OGC:1.3:CRS84",
        "urn:ogc:def:crs:OGC::CRS84",
        "CRS84",
        "OGC:CRS84",
        "EPSG:4326",
        "urn:ogc:def:crs:EPSG::4326",
        "urn:ogc:def:crs:EPSG:4326",
        "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
        "http://www.opengis.net/def/crs/EPSG/0/4326",
    ];

    private readonly GeoJsonFeatureStream _features;
    private readonly IReadOnlyDictionary<string, int> _ordinals;
    private readonly bool[] _asJson;
    private readonly string?[] _values;
    private readonly int _geometryOrdinal;
    private long _rowNumber;

    private GeoJsonTabularReader(GeoJsonFeatureStream features, JsonColumnCollector collector, SodaType? geometryHint)
    {
        _features = features;
        _ordinals = collector.Ordinals;
        List<SourceColumn> columns = collector.Build();
        _geometryOrdinal = columns.Count;
        columns.Add(new SourceColumn(GeometryColumnName, geometryHint));
        Columns = columns;
        _asJson = columns.Select(c => c.TypeHint == SodaType.Json).ToArray();
        _values = new string?[columns.Count];
    }

    public IReadOnlyList<SourceColumn> Columns { get; }

    public long RowNumber => _rowNumber;

    public static async Task<GeoJsonTabularReader> OpenAsync(string path, string? encodingName, CancellationToken cancellationToken)
    {
        var collector = new JsonColumnCollector();
        var geometryTypes = new HashSet<SodaType>();
        await using (var firstPass = new GeoJsonFeatureStream(JsonSource.Open(path, encodingName)))
        {
            long featureNumber = 0;
            while (await firstPass.NextFeatureAsync(cancellationToken) is { } feature)
            {
                featureNumber++;
                if (Properties(feature, featureNumber) is { } properties)
                {
                    collector.Add(properties);
                }

                if (Geometry(feature, featureNumber) is { } geometry)
                {
                    geometryTypes.Add(GeometryType(geometry, featureNumber));
                }
            }

            CheckCollection(firstPass);
        }

        SodaType? hint = null;
        if (geometryTypes.Count > 0)
        {
            hint = GeoJsonGeometry.Combine(geometryTypes)
                ?? throw ReaderErrors.MixedGeometry(GeoJsonGeometry.GeoJsonNames(geometryTypes.Order()));
        }

        var features = new GeoJsonFeatureStream(JsonSource.Open(path, encodingName));
        return new GeoJsonTabularReader(features, collector, hint);
    }

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (await _features.NextFeatureAsync(cancellationToken) is not { } feature)
        {
            return false;
        }

        _rowNumber++;
        Array.Clear(_values);
        if (Properties(feature, _rowNumber) is { } properties)
        {
            foreach (JsonProperty property in properties.EnumerateObject())
            {
                int ordinal = _ordinals[property.Name];
                _values[ordinal] = JsonValueText.ToText(property.Value, _asJson[ordinal]);
            }
        }

        _values[_geometryOrdinal] = Geometry(feature, _rowNumber)?.GetRawText();
        return true;
    }

    public string? GetValue(int ordinal) => _values[ordinal];

    public ValueTask DisposeAsync() => _features.DisposeAsync();

    private static void CheckCollection(GeoJsonFeatureStream stream)
    {
        if (stream.Type != "FeatureCollection")
        {
            string found = stream.Type is null ? "has no \"type\"" : $"is a '{stream.Type}'";
            throw ReaderErrors.Malformed($"The file is not a GeoJSON FeatureCollection: its root object {found}.");
        }

        if (!stream.HasFeatures)
        {
            throw ReaderErrors.Malformed("The GeoJSON FeatureCollection has no \"features\" array.");
        }

        if (stream.Crs is { ValueKind: not JsonValueKind.Null } crs)
        {
            string name = CrsName(crs);
            if (!s_wgs84Names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw ReaderErrors.UnsupportedCrs(name);
            }
        }
    }

    private static string CrsName(JsonElement crs) =>
        crs.ValueKind == JsonValueKind.Object
        && crs.TryGetProperty("properties", out JsonElement properties)
        && properties.ValueKind == JsonValueKind.Object
        && properties.TryGetProperty("name", out JsonElement name)
        && name.ValueKind == JsonValueKind.String
            ? name.GetString()!.Trim()
            : crs.GetRawText();

    private static JsonElement? Properties(JsonElement feature, long featureNumber)
    {
        if (!feature.TryGetProperty("properties", out JsonElement properties) || properties.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return properties.ValueKind == JsonValueKind.Object
            ? properties
            : throw ReaderErrors.Malformed(string.Create(CultureInfo.InvariantCulture,
                $"Feature {featureNumber} has \"properties\" that are not a JSON object."));
    }

    private static JsonElement? Geometry(JsonElement feature, long featureNumber)
    {
        if (!feature.TryGetProperty("geometry", out JsonElement geometry) || geometry.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return geometry.ValueKind == JsonValueKind.Object
            ? geometry
            : throw ReaderErrors.Malformed(string.Create(CultureInfo.InvariantCulture,
                $"Feature {featureNumber} has a \"geometry\" that is not a JSON object."));
    }

    private static SodaType GeometryType(JsonElement geometry, long featureNumber)
    {
        string? typeName = geometry.TryGetProperty("type", out JsonElement type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;
        return GeoJsonGeometry.TryMapType(typeName, out SodaType sodaType)
            ? sodaType
            : throw ReaderErrors.UnsupportedGeometry(typeName ?? "(none)", featureNumber);
    }
}
