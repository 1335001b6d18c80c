using System.Collections.Immutable;
using System.Globalization;
using CivicData.Core.Schema;
using CivicData.Soql.Binding;
using CivicData.Soql.Functions;
using CivicData.Soql.Rendering.Sql;

namespace CivicData.Soql.Rendering.Dialects.DuckDb;

/// <summary>
/// DuckDB. Physical layout (what the store creates): text/url/json and non-point geometries as VARCHAR (GeoJSON text),
/// number/double/money as DOUBLE, checkbox as BOOLEAN, timestamps as TIMESTAMP (fixed ones hold UTC), point and
/// location as STRUCT(lon DOUBLE, lat DOUBLE).
/// </summary>
/// <remarks>
/// Parameters are DuckDB's positional placeholders <c>$1, $2, ...</c>; the same <c>$n</c> may appear more than once.
/// DuckDB.NET 1.5.6.1 binds them from <c>DuckDBCommand.Parameters</c> either added in order without names
/// (<c>new DuckDBParameter(value)</c>) or named "1", "2", ... (both verified by the execution tests); the store adds
/// <see cref="SqlStatement.Parameters"/> in order without names.
/// </remarks>
public sealed class DuckDbDialect : AnsiDialect
{
    private DuckDbDialect()
    {
    }

    public static DuckDbDialect Instance { get; } = new();

    public override string Name => "duckdb";

    /// <summary>
    /// DuckDB returns a table's rows in insertion order unless told otherwise (<c>preserve_insertion_order</c>, on by
    /// default), through filters, LIMIT and OFFSET, and the store writes every version in <c>:seq</c> order.
    /// </summary>
    public override bool ScansInSequenceOrder => true;

    public override string ParameterPlaceholder(int ordinal) => "$" + ordinal.ToString(CultureInfo.InvariantCulture);

    protected override string GetSqlTypeName(SodaType type) => type switch
    {
        SodaType.Number or SodaType.Double or SodaType.Money => "DOUBLE",
        SodaType.Checkbox => "BOOLEAN",
        SodaType.FloatingTimestamp or SodaType.FixedTimestamp => "TIMESTAMP",
        SodaType.Point or SodaType.Location => "STRUCT(lon DOUBLE, lat DOUBLE)",
        _ => "VARCHAR",
    };

    public override ISqlFragment Cast(ISqlFragment operand, SodaType from, SodaType to)
    {
        // Timestamps as text use SODA's ISO form (soda.md §4), not DuckDB's 'YYYY-MM-DD HH:MM:SS'.
        if (to == SodaType.Text && from is SodaType.FloatingTimestamp or SodaType.FixedTimestamp)
        {
            return Sql.Sql.Function("strftime", operand,
                Sql.Sql.Keyword(from == SodaType.FixedTimestamp ? "'%Y-%m-%dT%H:%M:%S.%gZ'" : "'%Y-%m-%dT%H:%M:%S.%g'"));
        }

        // DuckDB prints a whole DOUBLE as '55.0'; SODA prints numbers in plain form, '55' (soda.md §4).
        if (to == SodaType.Text && from.IsNumeric())
        {
            return Sql.Sql.Function("regexp_replace", base.Cast(operand, from, to), Sql.Sql.Keyword(@"'\.0$'"), Sql.Sql.Keyword("''"));
        }

        return base.Cast(operand, from, to);
    }

    // DuckDB answers x / 0 and x % 0 with Infinity or NULL and a negative base to a fractional power with NaN, where
    // PostgreSQL and soda.md raise an error; error() makes DuckDB raise too, so the caller gets a 400 either way.
    public override ISqlFragment Divide(ISqlFragment left, ISqlFragment right) => base.Divide(left, NonZero(right));

    public override ISqlFragment Modulo(ISqlFragment left, ISqlFragment right) => base.Modulo(left, NonZero(right));

    public override ISqlFragment Power(ISqlFragment left, ISqlFragment right) => base.Power(left, Sql.Sql.Group(
        Sql.Sql.Keyword("CASE WHEN"), AsDouble(left), Sql.Sql.Keyword("< CAST(0 AS DOUBLE) AND"), AsDouble(right), Sql.Sql.Keyword("<> floor("), AsDouble(right),
        Sql.Sql.Keyword(") THEN error('a negative number has no fractional power') ELSE"), right, Sql.Sql.Keyword("END")));

    // DuckDB 1.5 folds date_trunc(part, x) = c to FALSE when c is not on a part boundary, even for a NULL x, where SQL
    // says NULL; the CASE hides the pattern from that rewrite.
    public override ISqlFragment DateTrunc(DateTruncUnit unit, ISqlFragment timestamp) => Sql.Sql.Group(
        Sql.Sql.Keyword("CASE WHEN"), timestamp, Sql.Sql.Keyword("IS NULL THEN NULL ELSE"), base.DateTrunc(unit, timestamp), Sql.Sql.Keyword("END"));

    // The zero is a DOUBLE so that a bare parameter divisor is typed DOUBLE, not INTEGER (which would read 0.25 as 0).
    private static SqlGroup NonZero(ISqlFragment divisor) => Sql.Sql.Group(
        Sql.Sql.Keyword("CASE WHEN"), AsDouble(divisor), Sql.Sql.Keyword("= CAST(0 AS DOUBLE) THEN error('division by zero') ELSE"), divisor, Sql.Sql.Keyword("END"));

    private static SqlFunction AsDouble(ISqlFragment operand) =>
        Sql.Sql.Function("CAST", Sql.Sql.Sequence(operand, Sql.Sql.Keyword("AS DOUBLE")));

    public override ISqlFragment Call(FunctionKind kind, ImmutableArray<ISqlFragment> arguments) => kind switch
    {
        FunctionKind.Unaccent => Sql.Sql.Function("strip_accents", arguments[0]),

        // extract(second ...) is whole seconds in DuckDB; SoQL's date_extract_ss keeps the fraction.
        FunctionKind.DateExtractSs => Sql.Sql.Group(
            Sql.Sql.Function("CAST", Sql.Sql.Sequence(Sql.Sql.Function("microsecond", arguments[0]), Sql.Sql.Keyword("AS DOUBLE"))),
            Sql.Sql.Keyword("/ 1000000")),

        // DuckDB has no width_bucket: PostgreSQL's definition for lo < hi, in arithmetic.
        FunctionKind.WidthBucket => Sql.Sql.Group(
            Sql.Sql.Keyword("CASE WHEN"), arguments[0], Sql.Sql.Keyword("<"), arguments[1], Sql.Sql.Keyword("THEN 0"),
            Sql.Sql.Keyword("WHEN"), arguments[0], Sql.Sql.Keyword(">="), arguments[2], Sql.Sql.Keyword("THEN"),
            Sql.Sql.Group(Sql.Sql.Function("floor", arguments[3]), Sql.Sql.Keyword("+ 1")),
            Sql.Sql.Keyword("ELSE"),
            Sql.Sql.Group(Sql.Sql.Function("floor", Sql.Sql.Group(
                Sql.Sql.Group(arguments[0], Sql.Sql.Keyword("-"), arguments[1]),
                Sql.Sql.Keyword("*"),
                Sql.Sql.Function("floor", arguments[3]),
                Sql.Sql.Keyword("/"),
                Sql.Sql.Group(arguments[2], Sql.Sql.Keyword("-"), arguments[1]))), Sql.Sql.Keyword("+ 1")),
            Sql.Sql.Keyword("END")),
        _ => base.Call(kind, arguments),
    };

    public override ISqlFragment AddInterval(ISqlFragment timestamp, SqlParameter months, SqlParameter days, SqlParameter seconds, bool isSubtraction)
    {
        string op = isSubtraction ? "-" : "+";
        return Sql.Sql.Group(
            timestamp,
            Sql.Sql.Keyword(op),
            Sql.Sql.Function("to_months", AsInteger(months)),
            Sql.Sql.Keyword(op),
            Sql.Sql.Function("to_days", AsInteger(days)),
            Sql.Sql.Keyword(op),
            Sql.Sql.Function("to_microseconds", Sql.Sql.Function("CAST", Sql.Sql.Sequence(
                Sql.Sql.Function("round", Sql.Sql.Group(seconds, Sql.Sql.Keyword("* 1000000"))), Sql.Sql.Keyword("AS BIGINT")))));
    }

    public override ISqlFragment Point(SqlParameter longitude, SqlParameter latitude) => Sql.Sql.Function("struct_pack",
        Sql.Sql.Sequence(Sql.Sql.Keyword("lon :="), Sql.Sql.Function("CAST", Sql.Sql.Sequence(longitude, Sql.Sql.Keyword("AS DOUBLE")))),
        Sql.Sql.Sequence(Sql.Sql.Keyword("lat :="), Sql.Sql.Function("CAST", Sql.Sql.Sequence(latitude, Sql.Sql.Keyword("AS DOUBLE")))));

    /// <summary>The literal as the GeoJSON text DuckDB stores for a non-point geometry, in one VARCHAR parameter.</summary>
    public override ISqlFragment Geometry(GeometryValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new SqlParameter(value.ToGeoJson(), value.Type);
    }

    /// <summary>
    /// No spatial extension: the <c>civicdata_*</c> scalar functions (NetTopologySuite, registered on every connection
    /// by CivicData.Storage's DuckDbGeometryFunctions) take a point as its lon and lat and any other geometry as its
    /// GeoJSON text, and return GeoJSON text. Extent over points is plain min/max SQL.
    /// </summary>
    public override ISqlFragment GeometryCall(FunctionKind kind, ImmutableArray<ISqlFragment> arguments, ImmutableArray<SodaType> argumentTypes)
    {
        bool IsPoint(int i) => argumentTypes[i] is SodaType.Point or SodaType.Location;
        ISqlFragment GeoJson(int i) => IsPoint(i)
            ? Sql.Sql.Function("civicdata_point_geojson", PointLongitude(arguments[i]), PointLatitude(arguments[i]))
            : arguments[i];
        ISqlFragment Bound(string aggregate, string function, Func<ISqlFragment, ISqlFragment> pointField) =>
            Sql.Sql.Function(aggregate, IsPoint(0) ? pointField(arguments[0]) : Sql.Sql.Function(function, arguments[0]));

        return kind switch
        {
            FunctionKind.WithinPolygon => IsPoint(0)
                ? Sql.Sql.Function("civicdata_point_within", PointLongitude(arguments[0]), PointLatitude(arguments[0]), arguments[1])
                : Sql.Sql.Function("civicdata_within", arguments[0], arguments[1]),
            FunctionKind.Intersects => Sql.Sql.Function("civicdata_intersects", GeoJson(0), GeoJson(1)),
            FunctionKind.NumPoints => Sql.Sql.Function("civicdata_num_points", GeoJson(0)),
            FunctionKind.Simplify => IsPoint(0) ? arguments[0] : Sql.Sql.Function("civicdata_simplify", arguments[0], DoubleOf(arguments[1])),
            FunctionKind.SimplifyPreserveTopology => IsPoint(0)
                ? arguments[0]
                : Sql.Sql.Function("civicdata_simplify_preserve_topology", arguments[0], DoubleOf(arguments[1])),
            FunctionKind.MakePoint => Sql.Sql.Group(
                Sql.Sql.Keyword("CASE WHEN"), arguments[0], Sql.Sql.Keyword("IS NULL OR"), arguments[1], Sql.Sql.Keyword("IS NULL THEN NULL ELSE"),
                Sql.Sql.Function("struct_pack",
                    Sql.Sql.Sequence(Sql.Sql.Keyword("lon :="), DoubleOf(arguments[1])),
                    Sql.Sql.Sequence(Sql.Sql.Keyword("lat :="), DoubleOf(arguments[0]))),
                Sql.Sql.Keyword("END")),
            FunctionKind.ConvexHull => Sql.Sql.Function("civicdata_convex_hull", Sql.Sql.Function("string_agg", GeoJson(0), Sql.Sql.Keyword("','"))),
            FunctionKind.Extent => Sql.Sql.Function("civicdata_box",
                Bound("min", "civicdata_xmin", PointLongitude),
                Bound("min", "civicdata_ymin", PointLatitude),
                Bound("max", "civicdata_xmax", PointLongitude),
                Bound("max", "civicdata_ymax", PointLatitude)),
            _ => throw new NotSupportedException($"No SQL for geometry function kind {kind} in {Name}."),
        };
    }

    private static SqlFunction DoubleOf(ISqlFragment value) => Sql.Sql.Function("CAST", Sql.Sql.Sequence(value, Sql.Sql.Keyword("AS DOUBLE")));

    public override ISqlFragment FullTextTerm(ImmutableArray<ISqlFragment> textColumns, SqlParameter term)
    {
        if (textColumns.IsEmpty)
        {
            return Sql.Sql.Keyword("FALSE");
        }

        return Sql.Sql.Group(Sql.Sql.Join(" OR ", textColumns.Select(column =>
            (ISqlFragment)Sql.Sql.Function("contains", Sql.Sql.Function("lower", column), term))));
    }

    public override ISqlFragment PointLatitude(ISqlFragment point) => StructField(point, "lat");

    public override ISqlFragment PointLongitude(ISqlFragment point) => StructField(point, "lon");

    private static ISqlFragment StructField(ISqlFragment point, string field) => point is SqlIdentifier column
        ? column.Field(field)
        : Sql.Sql.Function("struct_extract", point, Sql.Sql.Keyword("'" + field + "'"));
}
