using System.Collections.Immutable;
using System.Globalization;
using CivicData.Core.Schema;
using CivicData.Soql.Binding;
using CivicData.Soql.Functions;
using CivicData.Soql.Rendering.Sql;

namespace CivicData.Soql.Rendering.Dialects.Postgres;

/// <summary>
/// PostgreSQL 15 with PostGIS 3. Overrides only what differs from <see cref="AnsiDialect"/>.
/// </summary>
/// <remarks>
/// <para>
/// Physical layout (what the PostgreSQL store creates, one table per dataset version; the test engine builds the same):
/// text, url → <c>text</c>; number, money → <c>numeric</c>; double → <c>double precision</c>; checkbox →
/// <c>boolean</c>; floating_timestamp → <c>timestamp</c> (without time zone); fixed_timestamp → <c>timestamptz</c>;
/// point, location → <c>geometry(Point, 4326)</c>; multipoint, line, multiline, polygon, multipolygon →
/// <c>geometry(MultiPoint|LineString|MultiLineString|Polygon|MultiPolygon, 4326)</c>; json → <c>jsonb</c>. System
/// columns: <c>":id" text</c>, <c>":seq" bigint</c> (load order, the default sort), <c>":created_at"</c> and
/// <c>":updated_at" timestamptz</c>. Points are stored as <c>ST_SetSRID(ST_MakePoint(lon, lat), 4326)</c>, other
/// geometries as <c>ST_SetSRID(ST_GeomFromGeoJSON(text), 4326)</c>.
/// </para>
/// <para>
/// Session and database: the connection runs with <c>TimeZone = 'UTC'</c> (so <c>date_trunc</c> on a timestamptz
/// truncates in UTC, as DuckDB does on its UTC timestamps); the database is UTF-8 with <c>LC_COLLATE 'C'</c> (text
/// orders by code point, as in DuckDB) and a UTF-8 <c>LC_CTYPE</c> such as <c>C.UTF-8</c> (so <c>lower</c> and
/// <c>upper</c> map all of Unicode, not only ASCII); the table's schema is on the <c>search_path</c> with PostGIS's
/// and the <c>unaccent</c> extension's (contrib).
/// </para>
/// <para>
/// Parameters are positional, <c>$1, $2, ...</c>; the same <c>$n</c> may appear more than once. With Npgsql, add
/// <see cref="SqlStatement.Parameters"/> in order as unnamed <c>NpgsqlParameter</c>s whose <c>DataTypeName</c> is
/// <see cref="ParameterTypeName"/> and whose value is <see cref="ParameterValue"/>, so that number literals are
/// <c>numeric</c> (exact arithmetic), limits are <c>bigint</c>, and fixed timestamps are UTC instants.
/// </para>
/// <para>
/// Where the answer may differ from DuckDB: number arithmetic is exact <c>numeric</c> (DuckDB: double), so results
/// agree as doubles to about 15 significant digits; <c>number::text</c> keeps the stored scale (<c>55</c>, DuckDB
/// <c>55.0</c>); <c>%</c> is computed on <c>numeric</c> (PostgreSQL has no double <c>%</c>); within_circle uses
/// <c>ST_DistanceSphere</c> on the same 6371008.8 m sphere as DuckDB's haversine (the two agree to about 1e-12
/// relative for latitudes in [-90, 90]).
/// </para>
/// </remarks>
public sealed class PostgresDialect : AnsiDialect
{
    private PostgresDialect()
    {
    }

    public static PostgresDialect Instance { get; } = new();

    public override string Name => "postgres";

    public override string ParameterPlaceholder(int ordinal) => "$" + ordinal.ToString(CultureInfo.InvariantCulture);

    /// <summary>The PostgreSQL type to bind a parameter as (Npgsql's <c>NpgsqlParameter.DataTypeName</c>).</summary>
    public static string ParameterTypeName(SqlParameterValue parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.Value switch
        {
            // Limits and offsets: LIMIT and OFFSET take bigint, and numeric does not convert to it implicitly.
            long or int => "bigint",
            _ => parameter.Type switch
            {
                SodaType.Number or SodaType.Money => "numeric",
                SodaType.Double => "double precision",
                SodaType.Checkbox => "boolean",
                SodaType.FloatingTimestamp => "timestamp without time zone",
                SodaType.FixedTimestamp => "timestamp with time zone",
                SodaType.Json => "jsonb",
                _ => "text",
            },
        };
    }

    /// <summary>
    /// A parameter's value as Npgsql binds it: null as <see cref="DBNull"/>, a fixed timestamp (a UTC instant held with
    /// kind Unspecified) with kind Utc, a number as the <see cref="decimal"/> of its shortest round-trip text when it
    /// fits (else as a double, which PostgreSQL converts to numeric itself).
    /// </summary>
    public static object ParameterValue(SqlParameterValue parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.Value switch
        {
            null => DBNull.Value,
            DateTime time when parameter.Type == SodaType.FixedTimestamp => DateTime.SpecifyKind(time, DateTimeKind.Utc),
            double number when parameter.Type is SodaType.Number or SodaType.Money
                && decimal.TryParse(number.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact)
                => exact,
            object value => value,
        };
    }

    protected override string GetSqlTypeName(SodaType type) => ColumnTypeName(type);

    /// <summary>The PostgreSQL column type that holds a SODA type: the physical layout the PostgreSQL store creates.</summary>
    public static string ColumnTypeName(SodaType type) => type switch
    {
        SodaType.Number or SodaType.Money => "numeric",
        SodaType.Double => "double precision",
        SodaType.Checkbox => "boolean",
        SodaType.FloatingTimestamp => "timestamp",
        SodaType.FixedTimestamp => "timestamptz",
        SodaType.Point or SodaType.Location => "geometry(Point, 4326)",
        SodaType.MultiPoint => "geometry(MultiPoint, 4326)",
        SodaType.Line => "geometry(LineString, 4326)",
        SodaType.MultiLine => "geometry(MultiLineString, 4326)",
        SodaType.Polygon => "geometry(Polygon, 4326)",
        SodaType.MultiPolygon => "geometry(MultiPolygon, 4326)",
        SodaType.Json => "jsonb",
        _ => "text",
    };

    public override ISqlFragment Cast(ISqlFragment operand, SodaType from, SodaType to)
    {
        // Timestamps as text use SODA's ISO form (soda.md §4), not PostgreSQL's 'YYYY-MM-DD HH:MM:SS'.
        if (to == SodaType.Text && from == SodaType.FloatingTimestamp)
        {
            return Sql.Sql.Function("to_char", operand, Sql.Sql.Keyword("'YYYY-MM-DD\"T\"HH24:MI:SS.MS'"));
        }

        if (to == SodaType.Text && from == SodaType.FixedTimestamp)
        {
            return Sql.Sql.Function("to_char",
                Sql.Sql.Group(operand, Sql.Sql.Keyword("AT TIME ZONE 'UTC'")),
                Sql.Sql.Keyword("'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'"));
        }

        return base.Cast(operand, from, to);
    }

    public override ISqlFragment Call(FunctionKind kind, ImmutableArray<ISqlFragment> arguments) => kind switch
    {
        // A fixed timestamp is a timestamptz here (not a UTC wall clock as in DuckDB): timezone(zone, instant) is local time.
        FunctionKind.ToFloatingTimestamp => Sql.Sql.Function("timezone", arguments[1], arguments[0]),

        // now() is a timestamptz, the fixed_timestamp layout; the session's UTC zone makes date_trunc truncate in UTC.
        FunctionKind.GetUtcDate => Sql.Sql.Function("date_trunc", Sql.Sql.Keyword("'second'"), Sql.Sql.Function("now")),

        // round(double precision, integer) does not exist and round(double precision) rounds half to even; numeric
        // rounds half away from zero, as SoQL asks.
        FunctionKind.Round => arguments.Length == 1
            ? Sql.Sql.Function("round", base.Cast(arguments[0], SodaType.Double, SodaType.Number))
            : Sql.Sql.Function("round", base.Cast(arguments[0], SodaType.Double, SodaType.Number), AsInteger(arguments[1])),

        // The same sphere as within_circle.
        FunctionKind.DistanceInMeters => AsNumber(Sql.Sql.Function("ST_DistanceSphere", arguments[0], arguments[1], Sql.Sql.Keyword(EarthRadiusMetres))),
        _ => base.Call(kind, arguments),
    };

    /// <summary>PostgreSQL has no <c>%</c> on double precision; <c>mod</c> on numeric keeps the dividend's sign, as DuckDB's does.</summary>
    public override ISqlFragment Modulo(ISqlFragment left, ISqlFragment right) =>
        Sql.Sql.Function("mod", base.Cast(left, SodaType.Double, SodaType.Number), base.Cast(right, SodaType.Double, SodaType.Number));

    /// <summary>PostgreSQL's LIKE escapes with a backslash by default; SoQL's LIKE has no escape character.</summary>
    public override ISqlFragment Like(ISqlFragment operand, ISqlFragment pattern, bool isNegated) =>
        Sql.Sql.Group(operand, Sql.Sql.Keyword(isNegated ? "NOT LIKE" : "LIKE"), pattern, Sql.Sql.Keyword("ESCAPE ''"));

    public override ISqlFragment PointLatitude(ISqlFragment point) => Sql.Sql.Function("ST_Y", point);

    public override ISqlFragment PointLongitude(ISqlFragment point) => Sql.Sql.Function("ST_X", point);

    /// <summary>
    /// <c>ST_DistanceSphere</c> with the same radius as <see cref="AnsiDialect"/>'s haversine, so both engines measure
    /// on one sphere (ST_DWithin on geography would use PostGIS's own radius and reject latitudes beyond ±90).
    /// </summary>
    public override ISqlFragment WithinCircle(ISqlFragment point, ISqlFragment latitude, ISqlFragment longitude, ISqlFragment radiusMetres) =>
        Sql.Sql.Group(
            Sql.Sql.Function("ST_DistanceSphere", point, MakePoint(latitude, longitude), Sql.Sql.Keyword(EarthRadiusMetres)),
            Sql.Sql.Keyword("<="),
            radiusMetres);

    /// <summary>
    /// The envelope test can use a spatial index; the corner checks keep SoQL's rule that corners given in the wrong
    /// order select nothing (an envelope would silently reorder them).
    /// </summary>
    public override ISqlFragment WithinBox(ISqlFragment point, ISqlFragment northWestLatitude, ISqlFragment northWestLongitude, ISqlFragment southEastLatitude, ISqlFragment southEastLongitude) =>
        Sql.Sql.Group(
            Sql.Sql.Function("ST_Intersects", point, Sql.Sql.Function("ST_MakeEnvelope",
                northWestLongitude, southEastLatitude, southEastLongitude, northWestLatitude, Sql.Sql.Keyword("4326"))),
            Sql.Sql.Keyword("AND"),
            Sql.Sql.Group(southEastLatitude, Sql.Sql.Keyword("<="), northWestLatitude),
            Sql.Sql.Keyword("AND"),
            Sql.Sql.Group(northWestLongitude, Sql.Sql.Keyword("<="), southEastLongitude));

    /// <summary>The literal's WKT as a text parameter, read by PostGIS in WGS84.</summary>
    public override ISqlFragment Geometry(GeometryValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Sql.Sql.Function("ST_GeomFromText", new SqlParameter(value.ToWkt(), value.Type), Sql.Sql.Keyword("4326"));
    }

    /// <summary>
    /// PostGIS: within_polygon is ST_Within (a point on the boundary is not within); extent is the envelope of the
    /// per-row bounds (ST_MakeEnvelope, always a polygon, as DuckDB's), made multi; convex_hull is the hull of all the
    /// rows' geometries, made multi.
    /// </summary>
    public override ISqlFragment GeometryCall(FunctionKind kind, ImmutableArray<ISqlFragment> arguments, ImmutableArray<SodaType> argumentTypes) => kind switch
    {
        FunctionKind.WithinPolygon => Sql.Sql.Function("ST_Within", arguments[0], arguments[1]),
        FunctionKind.Intersects => Sql.Sql.Function("ST_Intersects", arguments[0], arguments[1]),
        FunctionKind.NumPoints => AsNumber(Sql.Sql.Function("ST_NPoints", arguments[0])),
        FunctionKind.Simplify => argumentTypes[0] is SodaType.Point or SodaType.Location
            ? arguments[0]
            : Sql.Sql.Function("ST_Simplify", arguments[0], AsDouble(arguments[1])),
        FunctionKind.SimplifyPreserveTopology => argumentTypes[0] is SodaType.Point or SodaType.Location
            ? arguments[0]
            : Sql.Sql.Function("ST_SimplifyPreserveTopology", arguments[0], AsDouble(arguments[1])),
        FunctionKind.MakePoint => MakePoint(AsDouble(arguments[0]), AsDouble(arguments[1])),
        FunctionKind.ConvexHull => Sql.Sql.Function("ST_Multi", Sql.Sql.Function("ST_ConvexHull", Sql.Sql.Function("ST_Collect", arguments[0]))),
        FunctionKind.Extent => Sql.Sql.Function("ST_Multi", Sql.Sql.Function("ST_MakeEnvelope",
            Sql.Sql.Function("min", Sql.Sql.Function("ST_XMin", arguments[0])),
            Sql.Sql.Function("min", Sql.Sql.Function("ST_YMin", arguments[0])),
            Sql.Sql.Function("max", Sql.Sql.Function("ST_XMax", arguments[0])),
            Sql.Sql.Function("max", Sql.Sql.Function("ST_YMax", arguments[0])),
            Sql.Sql.Keyword("4326"))),
        _ => throw new NotSupportedException($"No SQL for geometry function kind {kind} in {Name}."),
    };

    private ISqlFragment AsDouble(ISqlFragment value) => base.Cast(value, SodaType.Number, SodaType.Double);

    private static SqlFunction MakePoint(ISqlFragment latitude, ISqlFragment longitude) =>
        Sql.Sql.Function("ST_SetSRID", Sql.Sql.Function("ST_MakePoint", longitude, latitude), Sql.Sql.Keyword("4326"));
}
