using System.Collections.Immutable;
using System.Globalization;
using CivicData.Core.Schema;
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
