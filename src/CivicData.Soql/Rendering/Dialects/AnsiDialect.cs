using System.Collections.Immutable;
using CivicData.Core.Schema;
using CivicData.Soql.Binding;
using CivicData.Soql.Functions;
using CivicData.Soql.Rendering.Sql;

namespace CivicData.Soql.Rendering.Dialects;

/// <summary>SQL shared by the engines we support; each engine's dialect overrides only what differs.</summary>
public abstract class AnsiDialect : ISqlDialect
{
    /// <summary>Mean earth radius (IUGG), the sphere within_circle measures on.</summary>
    protected const string EarthRadiusMetres = "6371008.8";

    public abstract string Name { get; }

    /// <summary>Heap order is no promise in SQL engines in general (PostgreSQL's is not): order explicitly.</summary>
    public virtual bool ScansInSequenceOrder => false;

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

    public virtual ISqlFragment Divide(ISqlFragment left, ISqlFragment right) => Sql.Sql.Group(left, Sql.Sql.Keyword("/"), right);

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
    public virtual ISqlFragment WithinCircle(ISqlFragment point, ISqlFragment latitude, ISqlFragment longitude, ISqlFragment radiusMetres) =>
        Sql.Sql.Group(HaversineMetres(PointLatitude(point), PointLongitude(point), latitude, longitude), Sql.Sql.Keyword("<="), radiusMetres);

    /// <summary>Great-circle distance in metres between two (lat, lon) pairs on the mean-radius sphere.</summary>
    protected static ISqlFragment HaversineMetres(ISqlFragment latitude1, ISqlFragment longitude1, ISqlFragment latitude2, ISqlFragment longitude2)
    {
        ISqlFragment HalfAngleSineSquared(ISqlFragment a, ISqlFragment b) => Sql.Sql.Function("power",
            Sql.Sql.Function("sin", Sql.Sql.Group(Sql.Sql.Function("radians", Sql.Sql.Group(a, Sql.Sql.Keyword("-"), b)), Sql.Sql.Keyword("/ 2"))),
            Sql.Sql.Keyword("2"));

        ISqlFragment haversine = Sql.Sql.Group(
            HalfAngleSineSquared(latitude1, latitude2),
            Sql.Sql.Keyword("+"),
            Sql.Sql.Function("cos", Sql.Sql.Function("radians", latitude1)),
            Sql.Sql.Keyword("*"),
            Sql.Sql.Function("cos", Sql.Sql.Function("radians", latitude2)),
            Sql.Sql.Keyword("*"),
            HalfAngleSineSquared(longitude1, longitude2));

        // least(1, ...) keeps asin's argument in its domain when rounding pushes it a hair over 1.
        return Sql.Sql.Group(
            Sql.Sql.Keyword("2 * " + EarthRadiusMetres + " *"),
            Sql.Sql.Function("asin", Sql.Sql.Function("least", Sql.Sql.Keyword("1"), Sql.Sql.Function("sqrt", haversine))));
    }

    public virtual ISqlFragment WithinBox(ISqlFragment point, ISqlFragment northWestLatitude, ISqlFragment northWestLongitude, ISqlFragment southEastLatitude, ISqlFragment southEastLongitude) =>
        Sql.Sql.Group(
            Sql.Sql.Group(PointLatitude(point), Sql.Sql.Keyword("BETWEEN"), southEastLatitude, Sql.Sql.Keyword("AND"), northWestLatitude),
            Sql.Sql.Keyword("AND"),
            Sql.Sql.Group(PointLongitude(point), Sql.Sql.Keyword("BETWEEN"), northWestLongitude, Sql.Sql.Keyword("AND"), southEastLongitude));

    /// <summary>A number-valued SQL expression read back as the engine's SoQL number type.</summary>
    protected ISqlFragment AsNumber(ISqlFragment value) => AggregateAsNumber(value);

    /// <summary>A SoQL number used where SQL wants an integer (lengths, positions, counts).</summary>
    protected virtual ISqlFragment AsInteger(ISqlFragment value) =>
        Sql.Sql.Function("CAST", Sql.Sql.Sequence(value, Sql.Sql.Keyword("AS INTEGER")));

    public virtual ISqlFragment Call(FunctionKind kind, ImmutableArray<ISqlFragment> arguments)
    {
        ISqlFragment Upper(int i) => Sql.Sql.Function("upper", arguments[i]);
        ISqlFragment Extract(string field) => AsNumber(Sql.Sql.Function("extract", Sql.Sql.Sequence(Sql.Sql.Keyword(field), Sql.Sql.Keyword("FROM"), arguments[0])));
        ISqlFragment Epoch(ISqlFragment timestamp) => Sql.Sql.Function("extract", Sql.Sql.Sequence(Sql.Sql.Keyword("epoch"), Sql.Sql.Keyword("FROM"), timestamp));
        ISqlFragment OrderedSet(string function) => Sql.Sql.Sequence(
            Sql.Sql.Function(function, Sql.Sql.Keyword("0.5")),
            Sql.Sql.Keyword("WITHIN GROUP"),
            Sql.Sql.Group(Sql.Sql.Sequence(Sql.Sql.Keyword("ORDER BY"), arguments[0])));

        return kind switch
        {
            FunctionKind.StddevPop => AsNumber(Sql.Sql.Function("stddev_pop", arguments[0])),
            FunctionKind.StddevSamp => AsNumber(Sql.Sql.Function("stddev_samp", arguments[0])),
            FunctionKind.Median => AsNumber(OrderedSet("percentile_cont")),
            FunctionKind.MedianDiscrete => OrderedSet("percentile_disc"),
            FunctionKind.RegrSlope => AsNumber(Sql.Sql.Function("regr_slope", arguments[0], arguments[1])),
            FunctionKind.RegrIntercept => AsNumber(Sql.Sql.Function("regr_intercept", arguments[0], arguments[1])),
            FunctionKind.RegrR2 => AsNumber(Sql.Sql.Function("regr_r2", arguments[0], arguments[1])),

            FunctionKind.StartsWith => Sql.Sql.Function("starts_with", arguments[0], arguments[1]),
            FunctionKind.Contains => Sql.Sql.Group(Sql.Sql.Function("strpos", arguments[0], arguments[1]), Sql.Sql.Keyword("> 0")),
            FunctionKind.CaselessEq => Sql.Sql.Group(Upper(0), Sql.Sql.Keyword("="), Upper(1)),
            FunctionKind.CaselessNe => Sql.Sql.Group(Upper(0), Sql.Sql.Keyword("<>"), Upper(1)),
            FunctionKind.CaselessStartsWith => Sql.Sql.Function("starts_with", Upper(0), Upper(1)),
            FunctionKind.CaselessContains => Sql.Sql.Group(Sql.Sql.Function("strpos", Upper(0), Upper(1)), Sql.Sql.Keyword("> 0")),
            FunctionKind.CaselessOneOf or FunctionKind.CaselessNotOneOf => Sql.Sql.Group(
                Upper(0),
                Sql.Sql.Keyword(kind == FunctionKind.CaselessOneOf ? "IN" : "NOT IN"),
                Sql.Sql.Group(Sql.Sql.Join(", ", Enumerable.Range(1, arguments.Length - 1).Select(Upper)))),
            FunctionKind.Length => AsNumber(Sql.Sql.Function("length", arguments[0])),
            FunctionKind.Substring => arguments.Length == 2
                ? Sql.Sql.Function("substr", arguments[0], AsInteger(arguments[1]))
                : Sql.Sql.Function("substr", arguments[0], AsInteger(arguments[1]), AsInteger(arguments[2])),
            FunctionKind.SplitPart => Sql.Sql.Function("split_part", arguments[0], arguments[1], AsInteger(arguments[2])),
            FunctionKind.Replace => Sql.Sql.Function("replace", arguments[0], arguments[1], arguments[2]),
            FunctionKind.Trim => Sql.Sql.Function("trim", arguments[0]),
            FunctionKind.TrimLeading => Sql.Sql.Function("ltrim", arguments[0]),
            FunctionKind.TrimTrailing => Sql.Sql.Function("rtrim", arguments[0]),
            FunctionKind.LeftPad => Sql.Sql.Function("lpad", arguments[0], AsInteger(arguments[1]), arguments[2]),
            FunctionKind.RightPad => Sql.Sql.Function("rpad", arguments[0], AsInteger(arguments[1]), arguments[2]),
            FunctionKind.Chr => Sql.Sql.Function("chr", AsInteger(arguments[0])),
            FunctionKind.Unaccent => Sql.Sql.Function("unaccent", arguments[0]),

            FunctionKind.Abs => Sql.Sql.Function("abs", arguments[0]),
            FunctionKind.Ceil => Sql.Sql.Function("ceil", arguments[0]),
            FunctionKind.Floor => Sql.Sql.Function("floor", arguments[0]),
            FunctionKind.Round => arguments.Length == 1
                ? Sql.Sql.Function("round", arguments[0])
                : Sql.Sql.Function("round", arguments[0], AsInteger(arguments[1])),
            FunctionKind.Ln => Sql.Sql.Function("ln", arguments[0]),
            FunctionKind.SignedMagnitude10 => AsNumber(Sql.Sql.Group(
                Sql.Sql.Function("sign", arguments[0]),
                Sql.Sql.Keyword("*"),
                Sql.Sql.Function("length", Sql.Sql.Function("CAST", Sql.Sql.Sequence(
                    Sql.Sql.Function("CAST", Sql.Sql.Sequence(Sql.Sql.Function("floor", Sql.Sql.Function("abs", arguments[0])), Sql.Sql.Keyword("AS BIGINT"))),
                    Sql.Sql.Keyword("AS VARCHAR")))))),
            FunctionKind.SignedMagnitudeLinear => AsNumber(Sql.Sql.Group(
                Sql.Sql.Function("sign", arguments[0]),
                Sql.Sql.Keyword("*"),
                Sql.Sql.Function("ceil", Sql.Sql.Group(Sql.Sql.Function("abs", arguments[0]), Sql.Sql.Keyword("/"), arguments[1])))),
            FunctionKind.WidthBucket => AsNumber(Sql.Sql.Function("width_bucket", arguments[0], arguments[1], arguments[2], AsInteger(arguments[3]))),
            FunctionKind.Greatest => Sql.Sql.Function("greatest", false, arguments),
            FunctionKind.Least => Sql.Sql.Function("least", false, arguments),

            FunctionKind.Coalesce => Sql.Sql.Function("coalesce", false, arguments),
            FunctionKind.NullIf => Sql.Sql.Function("nullif", arguments[0], arguments[1]),

            FunctionKind.DateExtractY => Extract("year"),
            FunctionKind.DateExtractM => Extract("month"),
            FunctionKind.DateExtractD => Extract("day"),
            FunctionKind.DateExtractHh => Extract("hour"),
            FunctionKind.DateExtractMm => Extract("minute"),
            FunctionKind.DateExtractSs => Extract("second"),
            FunctionKind.DateExtractDow => Extract("dow"),
            FunctionKind.DateExtractWoy => Extract("week"),
            FunctionKind.DateExtractIsoY => Extract("isoyear"),
            FunctionKind.DateDiffD => AsNumber(Sql.Sql.Function("trunc", Sql.Sql.Group(
                Sql.Sql.Group(Epoch(arguments[0]), Sql.Sql.Keyword("-"), Epoch(arguments[1])), Sql.Sql.Keyword("/ 86400")))),

            // Timestamps without a zone hold UTC for fixed_timestamp: read as UTC, then shown in the zone.
            FunctionKind.ToFloatingTimestamp => Sql.Sql.Function("timezone", arguments[1], Sql.Sql.Function("timezone", Sql.Sql.Keyword("'UTC'"), arguments[0])),
            FunctionKind.GetUtcDate => Sql.Sql.Function("date_trunc", Sql.Sql.Keyword("'second'"),
                Sql.Sql.Function("timezone", Sql.Sql.Keyword("'UTC'"), Sql.Sql.Function("now"))),
            FunctionKind.EpochSeconds => AsNumber(Sql.Sql.Function("round", AsNumber(Epoch(arguments[0])), Sql.Sql.Keyword("3"))),

            FunctionKind.PointLatitude => PointLatitude(arguments[0]),
            FunctionKind.PointLongitude => PointLongitude(arguments[0]),
            FunctionKind.UrlUrl => arguments[0],
            FunctionKind.UrlDescription => Sql.Sql.Function("CAST", Sql.Sql.Sequence(Sql.Sql.Keyword("NULL AS"), Sql.Sql.Keyword(GetSqlTypeName(SodaType.Text)))),
            FunctionKind.DistanceInMeters => AsNumber(HaversineMetres(
                PointLatitude(arguments[0]), PointLongitude(arguments[0]), PointLatitude(arguments[1]), PointLongitude(arguments[1]))),
            _ => throw new NotSupportedException($"No SQL for function kind {kind} in {Name}."),
        };
    }

    public virtual ISqlFragment AddInterval(ISqlFragment timestamp, SqlParameter months, SqlParameter days, SqlParameter seconds, bool isSubtraction) =>
        Sql.Sql.Group(timestamp, Sql.Sql.Keyword(isSubtraction ? "-" : "+"), Sql.Sql.Function("make_interval", Sql.Sql.Join(", ",
        [
            Sql.Sql.Sequence(Sql.Sql.Keyword("months =>"), AsInteger(months)),
            Sql.Sql.Sequence(Sql.Sql.Keyword("days =>"), AsInteger(days)),
            Sql.Sql.Sequence(Sql.Sql.Keyword("secs =>"), seconds),
        ])));

    public abstract ISqlFragment Geometry(GeometryValue value);

    public abstract ISqlFragment GeometryCall(FunctionKind kind, ImmutableArray<ISqlFragment> arguments, ImmutableArray<SodaType> argumentTypes);

    /// <summary>PostGIS's point constructor; engines without PostGIS override this.</summary>
    public virtual ISqlFragment Point(SqlParameter longitude, SqlParameter latitude) =>
        Sql.Sql.Function("ST_SetSRID", Sql.Sql.Function("ST_MakePoint", longitude, latitude), Sql.Sql.Keyword("4326"));

    public virtual ISqlFragment LimitOffset(SqlParameter? limit, SqlParameter offset)
    {
        ArgumentNullException.ThrowIfNull(offset);
        return limit is null
            ? Sql.Sql.Sequence(Sql.Sql.Keyword("OFFSET"), offset)
            : Sql.Sql.Sequence(Sql.Sql.Keyword("LIMIT"), limit, Sql.Sql.Keyword("OFFSET"), offset);
    }
}
