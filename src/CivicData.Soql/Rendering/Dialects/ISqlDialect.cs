using System.Collections.Immutable;
using CivicData.Core.Schema;
using CivicData.Soql.Binding;
using CivicData.Soql.Functions;
using CivicData.Soql.Rendering.Sql;

namespace CivicData.Soql.Rendering.Dialects;

/// <summary>
/// What differs between SQL engines. Methods return fragments, never strings of SQL, so a dialect cannot
/// forget to parameterise a value. Shared ANSI behaviour lives in <see cref="AnsiDialect"/>.
/// </summary>
public interface ISqlDialect
{
    /// <summary>Short engine name, such as <c>duckdb</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// True when a scan of a version table returns its rows in <c>:seq</c> order without being asked, so a row query with
    /// no order of its own needs no ORDER BY (DuckDB keeps insertion order and tables are written in <c>:seq</c> order).
    /// Sorting a million rows to send the first thousand is what this saves.
    /// </summary>
    public bool ScansInSequenceOrder { get; }

    /// <summary>Double-quotes a name, doubling any embedded quote.</summary>
    public string QuoteIdentifier(string name);

    /// <summary>The placeholder for the parameter at a 1-based ordinal.</summary>
    public string ParameterPlaceholder(int ordinal);

    public ISqlFragment Table(TableSchema table);

    public ISqlFragment Cast(ISqlFragment operand, SodaType from, SodaType to);

    /// <summary>An aggregate whose SoQL type is number, read back as a double (count, sum, avg).</summary>
    public ISqlFragment AggregateAsNumber(ISqlFragment aggregate);

    public ISqlFragment Concatenate(ISqlFragment left, ISqlFragment right);

    public ISqlFragment Divide(ISqlFragment left, ISqlFragment right);

    public ISqlFragment Modulo(ISqlFragment left, ISqlFragment right);

    public ISqlFragment Power(ISqlFragment left, ISqlFragment right);

    /// <summary>Case-sensitive LIKE with no escape character.</summary>
    public ISqlFragment Like(ISqlFragment operand, ISqlFragment pattern, bool isNegated);

    public ISqlFragment DateTrunc(DateTruncUnit unit, ISqlFragment timestamp);

    /// <summary>True when the lower-cased <paramref name="term"/> occurs in at least one of the text columns.</summary>
    public ISqlFragment FullTextTerm(ImmutableArray<ISqlFragment> textColumns, SqlParameter term);

    public ISqlFragment PointLatitude(ISqlFragment point);

    public ISqlFragment PointLongitude(ISqlFragment point);

    /// <summary>Great-circle distance from the point to (lat, lon) is at most <paramref name="radiusMetres"/>.</summary>
    public ISqlFragment WithinCircle(ISqlFragment point, ISqlFragment latitude, ISqlFragment longitude, ISqlFragment radiusMetres);

    public ISqlFragment WithinBox(ISqlFragment point, ISqlFragment northWestLatitude, ISqlFragment northWestLongitude, ISqlFragment southEastLatitude, ISqlFragment southEastLongitude);

    /// <summary>
    /// A scalar or aggregate function other than count/sum/avg/min/max/upper/lower/date_trunc/within_*: its SQL for this
    /// engine, from already-rendered arguments in SoQL order (soda.md §6.8).
    /// </summary>
    public ISqlFragment Call(FunctionKind kind, ImmutableArray<ISqlFragment> arguments);

    /// <summary>A timestamp moved by whole months and days (calendar) and then by exact seconds; subtracted when asked.</summary>
    public ISqlFragment AddInterval(ISqlFragment timestamp, SqlParameter months, SqlParameter days, SqlParameter seconds, bool isSubtraction);

    /// <summary>A non-point geometry literal in the engine's layout; its text travels as a parameter.</summary>
    public ISqlFragment Geometry(GeometryValue value);

    /// <summary>
    /// A geometry function other than within_circle and within_box (<see cref="FunctionKind.WithinPolygon"/>, intersects,
    /// num_points, simplify, simplify_preserve_topology, make_point, and the aggregates convex_hull and extent), given the
    /// SoQL type of each argument, because an engine may store points and other geometries differently.
    /// </summary>
    public ISqlFragment GeometryCall(FunctionKind kind, ImmutableArray<ISqlFragment> arguments, ImmutableArray<SodaType> argumentTypes);

    /// <summary>A point value built from two number parameters, in the engine's point layout.</summary>
    public ISqlFragment Point(SqlParameter longitude, SqlParameter latitude);

    /// <summary>The LIMIT/OFFSET tail; <paramref name="limit"/> null means unlimited.</summary>
    public ISqlFragment LimitOffset(SqlParameter? limit, SqlParameter offset);
}
