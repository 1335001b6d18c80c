using System.Collections.Concurrent;
using DuckDB.NET.Data;
using DuckDB.NET.Data.DataChunk.Reader;
using DuckDB.NET.Data.DataChunk.Writer;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Simplify;

namespace CivicData.Storage.DuckDb;

/// <summary>
/// The scalar functions DuckDbDialect's geometry SQL calls, backed by NetTopologySuite, for a DuckDB without its
/// spatial extension (which is never downloaded). Points come in as their lon and lat, other geometries as the GeoJSON
/// text DuckDB stores; geometries go out as GeoJSON text. Every name starts with <c>civicdata_</c>.
/// </summary>
/// <remarks>
/// Predicates prepare the polygon side once per chunk of rows (a literal is the same for every row) from a parsed
/// geometry cached per distinct GeoJSON text, so a within_polygon filter parses its literal once per connection.
/// A NULL in any argument gives NULL.
/// </remarks>
public sealed class DuckDbGeometryFunctions
{
    private const int MaxCachedGeometries = 64;
    private static readonly ScalarFunctionOptions s_options = new() { HandlesNulls = true, IsPureFunction = true };
    private readonly ConcurrentDictionary<string, Geometry> _parsed = new(StringComparer.Ordinal);

    private DuckDbGeometryFunctions()
    {
    }

    /// <summary>Registers every <c>civicdata_*</c> geometry function on <paramref name="connection"/>.</summary>
    public static void Register(DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        new DuckDbGeometryFunctions().RegisterOn(connection);
    }

    private void RegisterOn(DuckDBConnection connection)
    {
        connection.RegisterScalarFunction<double, double, string>("civicdata_point_geojson", (readers, writer, count) =>
            ForEachRow(readers, writer, count, row => GeoJsonGeometry.Write(PointAt(readers, 0, row))), s_options);

        connection.RegisterScalarFunction<double, double, string, bool>("civicdata_point_within", (readers, writer, count) =>
        {
            var polygons = new PreparedCache(this);
            ForEachRow(readers, writer, count, row => polygons.Get(readers[2].GetValue<string>(row)).Contains(PointAt(readers, 0, row)));
        }, s_options);

        connection.RegisterScalarFunction<string, string, bool>("civicdata_within", (readers, writer, count) =>
        {
            var polygons = new PreparedCache(this);
            ForEachRow(readers, writer, count, row => polygons.Get(readers[1].GetValue<string>(row)).Contains(GeometryAt(readers, 0, row)));
        }, s_options);

        connection.RegisterScalarFunction<string, string, bool>("civicdata_intersects", (readers, writer, count) =>
        {
            var others = new PreparedCache(this);
            ForEachRow(readers, writer, count, row => others.Get(readers[1].GetValue<string>(row)).Intersects(GeometryAt(readers, 0, row)));
        }, s_options);

        connection.RegisterScalarFunction<string, double>("civicdata_num_points", (readers, writer, count) =>
            ForEachRow(readers, writer, count, row => (double)GeometryAt(readers, 0, row).NumPoints), s_options);

        connection.RegisterScalarFunction<string, double, string>("civicdata_simplify", (readers, writer, count) =>
            ForEachRow(readers, writer, count, row => GeoJsonGeometry.Write(
                new DouglasPeuckerSimplifier(GeometryAt(readers, 0, row)) { DistanceTolerance = readers[1].GetValue<double>(row), EnsureValidTopology = false }
                    .GetResultGeometry())), s_options);

        connection.RegisterScalarFunction<string, double, string>("civicdata_simplify_preserve_topology", (readers, writer, count) =>
            ForEachRow(readers, writer, count, row => GeoJsonGeometry.Write(
                TopologyPreservingSimplifier.Simplify(GeometryAt(readers, 0, row), readers[1].GetValue<double>(row)))), s_options);

        // The argument is string_agg(geojson, ','): the rows' geometries, comma-separated.
        connection.RegisterScalarFunction<string, string>("civicdata_convex_hull", (readers, writer, count) =>
            ForEachRow(readers, writer, count, row => GeoJsonGeometry.Write(GeoJsonGeometry.Multi(
                new ConvexHull(GeoJsonGeometry.ReadArray("[" + readers[0].GetValue<string>(row) + "]")).GetConvexHull()))), s_options);

        RegisterBound(connection, "civicdata_xmin", envelope => envelope.MinX);
        RegisterBound(connection, "civicdata_ymin", envelope => envelope.MinY);
        RegisterBound(connection, "civicdata_xmax", envelope => envelope.MaxX);
        RegisterBound(connection, "civicdata_ymax", envelope => envelope.MaxY);

        connection.RegisterScalarFunction<double, double, double, double, string>("civicdata_box", (readers, writer, count) =>
            ForEachRow(readers, writer, count, row => GeoJsonGeometry.Write(GeoJsonGeometry.Box(
                readers[0].GetValue<double>(row), readers[1].GetValue<double>(row), readers[2].GetValue<double>(row), readers[3].GetValue<double>(row)))),
            s_options);
    }

    private static void RegisterBound(DuckDBConnection connection, string name, Func<Envelope, double> bound) =>
        connection.RegisterScalarFunction<string, double>(name, (readers, writer, count) =>
            ForEachRow(readers, writer, count, row => bound(GeometryAt(readers, 0, row).EnvelopeInternal)), s_options);

    /// <summary>Writes <paramref name="compute"/>'s value for each row, or NULL where any argument is NULL.</summary>
    private static void ForEachRow<T>(IReadOnlyList<IDuckDBDataReader> readers, IDuckDBDataWriter writer, ulong count, Func<ulong, T> compute)
    {
        for (ulong row = 0; row < count; row++)
        {
            bool anyNull = false;
            foreach (IDuckDBDataReader reader in readers)
            {
                anyNull |= !reader.IsValid(row);
            }

            if (anyNull)
            {
                writer.WriteNull(row);
            }
            else
            {
                writer.WriteValue(compute(row), row);
            }
        }
    }

    private static Point PointAt(IReadOnlyList<IDuckDBDataReader> readers, int first, ulong row) =>
        GeoJsonGeometry.Point(readers[first].GetValue<double>(row), readers[first + 1].GetValue<double>(row));

    private static Geometry GeometryAt(IReadOnlyList<IDuckDBDataReader> readers, int index, ulong row) =>
        GeoJsonGeometry.Read(readers[index].GetValue<string>(row));

    private Geometry Parse(string geoJson)
    {
        if (_parsed.TryGetValue(geoJson, out Geometry? geometry))
        {
            return geometry;
        }

        geometry = GeoJsonGeometry.Read(geoJson);
        if (_parsed.Count >= MaxCachedGeometries)
        {
            _parsed.Clear();
        }

        _parsed.TryAdd(geoJson, geometry);
        return geometry;
    }

    /// <summary>
    /// Prepared geometries for one chunk of rows, on one thread (NetTopologySuite's prepared geometries build their
    /// indexes lazily and are not safe to share between DuckDB's worker threads).
    /// </summary>
    private sealed class PreparedCache(DuckDbGeometryFunctions owner)
    {
        private string? _text;
        private IPreparedGeometry? _prepared;

        public IPreparedGeometry Get(string geoJson)
        {
            if (_prepared is null || !string.Equals(_text, geoJson, StringComparison.Ordinal))
            {
                _prepared = PreparedGeometryFactory.Prepare(owner.Parse(geoJson));
                _text = geoJson;
            }

            return _prepared;
        }
    }
}
