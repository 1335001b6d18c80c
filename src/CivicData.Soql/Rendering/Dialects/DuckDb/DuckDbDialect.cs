using System.Collections.Immutable;
using System.Globalization;
using CivicData.Core.Schema;
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

        return base.Cast(operand, from, to);
    }

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
