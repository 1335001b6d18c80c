using System.Collections.Immutable;
using CivicData.Core.Schema;
using CivicData.Soql.Rendering.Sql;

namespace CivicData.Soql.Rendering.Dialects;

/// <summary>SQL shared by the engines we support; each engine's dialect overrides only what differs.</summary>
public abstract class AnsiDialect : ISqlDialect
{
    /// <summary>Mean earth radius (IUGG), the sphere within_circle measures on.</summary>
    protected const string EarthRadiusMetres = "6371008.8";

    public abstract string Name { get; }

    public virtual string QuoteIdentifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public abstract string ParameterPlaceholder(int ordinal);

    /// <summary>The engine's type for a SODA type's values.</summary>
    protected abstract string GetSqlTypeName(SodaType type);

    public virtual ISqlFragment Table(TableSchema table) => SqlIdentifier.ForTable(table);

    public virtual ISqlFragment Cast(ISqlFragment operand, SodaType from, SodaType to) =>
        Sql.Sql.Function("CAST", Sql.Sql.Sequence(operand, Sql.Sql.Keyword("AS"), Sql.Sql.Keyword(GetSqlTypeName(to))));

    public virtual ISqlFragment AggregateAsNumber(ISqlFragment aggregate) =>
        Sql.Sql.Function("CAST", Sql.Sql.Sequence(aggregate, Sql.Sql.Keyword("AS"), Sql.Sql.Keyword(GetSqlTypeName(SodaType.Number))));

    public virtual ISqlFragment Concatenate(ISqlFragment left, ISqlFragment right) =>
        Sql.Sql.Group(left, Sql.Sql.Keyword("||"), right);

    public virtual ISqlFragment Modulo(ISqlFragment left, ISqlFragment right) => Sql.Sql.Group(left, Sql.Sql.Keyword("%"), right);

    public virtual ISqlFragment Power(ISqlFragment left, ISqlFragment right) => Sql.Sql.Function("power", left, right);

    public virtual ISqlFragment Like(ISqlFragment operand, ISqlFragment pattern, bool isNegated) =>
        Sql.Sql.Group(operand, Sql.Sql.Keyword(isNegated ? "NOT LIKE" : "LIKE"), pattern);

    public virtual ISqlFragment DateTrunc(DateTruncUnit unit, ISqlFragment timestamp) =>
        Sql.Sql.Function("date_trunc", Sql.Sql.Keyword(unit switch
        {
            DateTruncUnit.Day => "'day'",
            DateTruncUnit.Month => "'month'",
            _ => "'year'",
        }), timestamp);

    public virtual ISqlFragment FullTextTerm(ImmutableArray<ISqlFragment> textColumns, SqlParameter term)
    {
        if (textColumns.IsEmpty)
        {
            return Sql.Sql.Keyword("FALSE");
        }

        return Sql.Sql.Group(Sql.Sql.Join(" OR ", textColumns.Select(column =>
            (ISqlFragment)Sql.Sql.Group(Sql.Sql.Function("strpos", Sql.Sql.Function("lower", column), term), Sql.Sql.Keyword("> 0")))));
    }

    public abstract ISqlFragment PointLatitude(ISqlFragment point);

    public abstract ISqlFragment PointLongitude(ISqlFragment point);

    /// <summary>Haversine on a sphere, in plain SQL arithmetic; engines with a geography type override this.</summary>
    public virtual ISqlFragment WithinCircle(ISqlFragment point, ISqlFragment latitude, ISqlFragment longitude, ISqlFragment radiusMetres)
    {
        ISqlFragment pointLatitude = PointLatitude(point);
        ISqlFragment pointLongitude = PointLongitude(point);
        ISqlFragment HalfAngleSineSquared(ISqlFragment a, ISqlFragment b) => Sql.Sql.Function("power",
            Sql.Sql.Function("sin", Sql.Sql.Group(Sql.Sql.Function("radians", Sql.Sql.Group(a, Sql.Sql.Keyword("-"), b)), Sql.Sql.Keyword("/ 2"))),
            Sql.Sql.Keyword("2"));

        ISqlFragment haversine = Sql.Sql.Group(
            HalfAngleSineSquared(pointLatitude, latitude),
            Sql.Sql.Keyword("+"),
            Sql.Sql.Function("cos", Sql.Sql.Function("radians", pointLatitude)),
            Sql.Sql.Keyword("*"),
            Sql.Sql.Function("cos", Sql.Sql.Function("radians", latitude)),
            Sql.Sql.Keyword("*"),
            HalfAngleSineSquared(pointLongitude, longitude));

        // least(1, ...) keeps asin's argument in its domain when rounding pushes it a hair over 1.
        ISqlFragment distance = Sql.Sql.Group(
            Sql.Sql.Keyword("2 * " + EarthRadiusMetres + " *"),
            Sql.Sql.Function("asin", Sql.Sql.Function("least", Sql.Sql.Keyword("1"), Sql.Sql.Function("sqrt", haversine))));
        return Sql.Sql.Group(distance, Sql.Sql.Keyword("<="), radiusMetres);
    }

    public virtual ISqlFragment WithinBox(ISqlFragment point, ISqlFragment northWestLatitude, ISqlFragment northWestLongitude, ISqlFragment southEastLatitude, ISqlFragment southEastLongitude) =>
        Sql.Sql.Group(
            Sql.Sql.Group(PointLatitude(point), Sql.Sql.Keyword("BETWEEN"), southEastLatitude, Sql.Sql.Keyword("AND"), northWestLatitude),
            Sql.Sql.Keyword("AND"),
            Sql.Sql.Group(PointLongitude(point), Sql.Sql.Keyword("BETWEEN"), northWestLongitude, Sql.Sql.Keyword("AND"), southEastLongitude));

    public virtual ISqlFragment LimitOffset(SqlParameter? limit, SqlParameter offset)
    {
        ArgumentNullException.ThrowIfNull(offset);
        return limit is null
            ? Sql.Sql.Sequence(Sql.Sql.Keyword("OFFSET"), offset)
            : Sql.Sql.Sequence(Sql.Sql.Keyword("LIMIT"), limit, Sql.Sql.Keyword("OFFSET"), offset);
    }
}
