using System.Collections.Immutable;
using CivicData.Core.Schema;
using CsCheck;

namespace CivicData.Soql.Tests.Differential;

/// <summary>
/// CsCheck generators for random tables and well-typed random queries over them. Values come from small pools so that
/// equal values (ties, duplicate groups) are common, and the pools hold nulls, unicode, quotes, backslashes, SQL
/// comment markers, LIKE wildcards and negative numbers. Numbers are dyadic fractions, so sums are exact in doubles.
/// </summary>
public static class SoqlGenerators
{
    public static readonly string[] TextPool =
    [
        "a", "A", "b", "B", "", " ", "a b", "O'Brien", "say \"hi\"", "back\\slash", "ünï", "ÜNÏ", "日本", "✓ok", "a%b", "a_b",
        "--x", "/*c*/", "$$", "Zed", "zed", "tab\there", "émile", "😀",
    ];

    public static readonly double[] NumberPool = [0, 1, -1, 2.5, -2.25, 3, 10, 100, 0.5, -7, 1e6, 42.75, -0.125];

    public static readonly DateTime[] TimePool =
    [
        new(2018, 1, 1, 0, 0, 0), new(2018, 1, 1, 8, 30, 0), new(2018, 1, 2, 23, 59, 59), new(2017, 12, 31, 12, 0, 0),
        new(2018, 2, 28, 6, 15, 0), new(2019, 7, 4, 0, 0, 1), new(2000, 1, 1, 0, 0, 0),
    ];

    public static readonly string[] PatternPool = ["%", "a%", "%b", "_", "%'%", "%\\%", "back\\%", "%_b", "A%", "%ü%", "a\\_b", "%%", "___", "a%b", "%\"%"];

    private static readonly double[] s_divisors = [2, 4, -0.5, 3, 8];

    private static readonly SodaType[] s_types = [SodaType.Text, SodaType.Number, SodaType.Checkbox, SodaType.FloatingTimestamp];

    private static readonly string[] s_orderOps = ["=", "!=", "<", "<=", ">", ">=", "<>"];

    public static Gen<object> NonNullValue(SodaType type) => type switch
    {
        SodaType.Text => Gen.OneOf(TextPool).Select(v => (object)v),
        SodaType.Number => Gen.OneOf(NumberPool).Select(v => (object)v),
        SodaType.Checkbox => Gen.Bool.Select(v => (object)v),
        SodaType.FloatingTimestamp => Gen.OneOf(TimePool).Select(v => (object)v),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static Gen<object?> Value(SodaType type) =>
        Gen.Frequency((1, Gen.Const((object?)null)), (5, NonNullValue(type).Select(v => (object?)v)));

    /// <summary>3–8 columns (the first two text and number, so every query has something to work on), 0–25 rows.</summary>
    public static Gen<GenTable> Table { get; } =
        from extra in Gen.OneOf(s_types).Array[1, 6]
        let types = (SodaType[])[SodaType.Text, SodaType.Number, .. extra]
        from rows in RowGen(types).Array[0, 25]
        select new GenTable(
            [.. types.Select((type, i) => new ColumnSchema(i + 1, $"c{i}_{Short(type)}", $"Column {i}", type, i + 1))],
            [.. rows]);

    /// <summary>A table and a well-typed query over it.</summary>
    public static Gen<(GenTable Table, GQuery Query)> Scenario { get; } =
        from table in Table
        from query in Query(table)
        select (table, query);

    public static Gen<GQuery> Query(GenTable table) => Gen.Frequency(
        (3, RowQuery(table)),
        (2, GroupedQuery(table)));

    public static Gen<GExpr> Expr(GenTable table, SodaType type, int depth)
    {
        GColumn[] columns = [.. table.Columns.Where(c => c.Type == type).Select(c => new GColumn(c.FieldName, c.Type))];
        Gen<GExpr> literal = NonNullValue(type).Select(v => (GExpr)new GLiteral(v, type, Cast: type == SodaType.FloatingTimestamp));
        Gen<GExpr> leaf = columns.Length == 0
            ? literal
            : Gen.Frequency((3, Gen.OneOf(columns).Select(c => (GExpr)c)), (1, literal));
        if (type == SodaType.Checkbox)
        {
            return depth <= 0 ? leaf : Gen.Frequency((1, leaf), (3, Predicate(table, depth - 1)));
        }

        if (depth <= 0)
        {
            return leaf;
        }

        Gen<GExpr> inner = Expr(table, type, depth - 1);
        return type switch
        {
            SodaType.Number => Gen.Frequency(
                (4, leaf),
                (1, from op in Gen.OneOf("+", "-", "*") from a in inner from b in inner select (GExpr)new GBinary(op, a, b, SodaType.Number)),
                (1, from op in Gen.OneOf("/", "%")
                    from a in inner
                    from d in Gen.OneOf(s_divisors)
                    select (GExpr)new GBinary(op, a, new GLiteral(d, SodaType.Number), SodaType.Number)),
                (1, inner.Select(a => (GExpr)new GUnary("-", a)))),
            SodaType.Text => Gen.Frequency(
                (4, leaf),
                (1, from a in inner from b in inner select (GExpr)new GBinary("||", a, b, SodaType.Text)),
                (1, from f in Gen.OneOf("upper", "lower") from a in inner select (GExpr)new GUnary(f, a))),
            SodaType.FloatingTimestamp => Gen.Frequency(
                (4, leaf),
                (1, from f in Gen.OneOf("date_trunc_ymd", "date_trunc_ym", "date_trunc_y") from a in inner select (GExpr)new GUnary(f, a))),
            _ => leaf,
        };
    }

    public static Gen<GExpr> Predicate(GenTable table, int depth)
    {
        Gen<SodaType> orderable = Gen.OneOf(SodaType.Text, SodaType.Number, SodaType.FloatingTimestamp);
        Gen<GExpr> comparison =
            from type in orderable
            from a in Expr(table, type, 1)
            from op in Gen.OneOf(s_orderOps)
            from b in Gen.Frequency((2, NonNullValue(type).Select(v => (GExpr)new GLiteral(v, type))), (1, Expr(table, type, 1)))
            select (GExpr)new GBinary(op, a, b, SodaType.Checkbox);
        Gen<GExpr> checkboxEquality =
            from a in Expr(table, SodaType.Checkbox, 0)
            from op in Gen.OneOf("=", "!=")
            from b in Gen.Bool
            select (GExpr)new GBinary(op, a, new GLiteral(b, SodaType.Checkbox), SodaType.Checkbox);
        Gen<GExpr> isNull =
            from type in Gen.OneOf(s_types)
            from a in Expr(table, type, 1)
            from negated in Gen.Bool
            select (GExpr)new GIsNull(a, negated);
        Gen<GExpr> inList =
            from type in orderable
            from a in Expr(table, type, 1)
            from values in NonNullValue(type).Array[1, 4]
            from negated in Gen.Bool
            select (GExpr)new GIn(a, [.. values.Select(v => new GLiteral(v, type))], negated);
        Gen<GExpr> between =
            from type in orderable
            from a in Expr(table, type, 1)
            from low in NonNullValue(type)
            from high in NonNullValue(type)
            from negated in Gen.Bool
            select (GExpr)new GBetween(a, new GLiteral(low, type), new GLiteral(high, type), negated);
        Gen<GExpr> like =
            from a in Expr(table, SodaType.Text, 1)
            from pattern in Gen.OneOf(PatternPool)
            from negated in Gen.Bool
            select (GExpr)new GLike(a, new GLiteral(pattern, SodaType.Text), negated);
        Gen<GExpr> atom = Gen.Frequency((4, comparison), (1, checkboxEquality), (2, isNull), (2, inList), (2, between), (2, like));
        if (depth <= 0)
        {
            return atom;
        }

        Gen<GExpr> inner = Predicate(table, depth - 1);
        return Gen.Frequency(
            (3, atom),
            (1, from op in Gen.OneOf("AND", "OR") from a in inner from b in inner select (GExpr)new GBinary(op, a, b, SodaType.Checkbox)),
            (1, inner.Select(a => (GExpr)new GUnary("NOT", a))));
    }

    private static Gen<object?[]> RowGen(SodaType[] types) => types.Select(Value).Aggregate(
        Gen.Const(ImmutableList<object?>.Empty),
        (acc, gen) => from list in acc from value in gen select list.Add(value)).Select(list => list.ToArray());

    private static Gen<SodaType> AnyType { get; } = Gen.OneOf(s_types);

    private static Gen<GQuery> RowQuery(GenTable table) =>
        from items in AnyType.SelectMany(type => Expr(table, type, 2)).Array[1, 3]
        from filter in Gen.Frequency((1, Gen.Const((GExpr?)null)), (3, Predicate(table, 2).Select(p => (GExpr?)p)))
        from keys in OrderKey(Gen.OneOf(SodaType.Text, SodaType.Number, SodaType.FloatingTimestamp, SodaType.Checkbox).SelectMany(type => Expr(table, type, 1))).Array[0, 2]
        from page in Page
        select new GQuery(
            [.. items],
            filter,
            [],
            false,
            null,
            // A paged order must be total: :id breaks every tie.
            keys.Length > 0 && (page.Limit is not null || page.Offset is not null) ? [.. keys, new GOrder(new GRowId(), false, null)] : [.. keys],
            page.Limit,
            page.Offset);

    private static Gen<GQuery> GroupedQuery(GenTable table) =>
        from keys in AnyType.SelectMany(type => Expr(table, type, 1)).Array[0, 2]
        from aggregates in Aggregate(table).Array[1, 3]
        from filter in Gen.Frequency((1, Gen.Const((GExpr?)null)), (1, Predicate(table, 1).Select(p => (GExpr?)p)))
        from having in Gen.Frequency((2, Gen.Const((GExpr?)null)), (1, Having(table)))
        from orderCount in Gen.Int[0, 2]
        from isDesc in Gen.Bool.Array[2]
        from page in Page
        let distinctKeys = keys.DistinctBy(k => k.Soql()).ToArray()
        let orderable = distinctKeys.Concat(aggregates).ToArray()
        let ordering = orderable.Take(orderCount).Select((key, i) => new GOrder(key, isDesc[i], null)).ToArray()
        select new GQuery(
            [.. distinctKeys, .. aggregates],
            filter,
            [.. distinctKeys],
            distinctKeys.Length == 0,
            having,
            // Paged groups are ordered by every group key at the end, which makes the order total.
            page.Limit is not null || page.Offset is not null ? [.. ordering, .. distinctKeys.Select(k => new GOrder(k, false, null))] : [.. ordering],
            distinctKeys.Length == 0 && (page.Limit is not null || page.Offset is not null) ? null : page.Limit,
            distinctKeys.Length == 0 && (page.Limit is not null || page.Offset is not null) ? null : page.Offset);

    private static Gen<GExpr> Aggregate(GenTable table) => Gen.Frequency(
        (1, Gen.Const<GExpr>(new GAggregate("count", null, false))),
        (1, from type in AnyType from x in Expr(table, type, 1) from distinct in Gen.Bool select (GExpr)new GAggregate("count", x, distinct)),
        (2, from f in Gen.OneOf("sum", "avg") from x in Expr(table, SodaType.Number, 1) select (GExpr)new GAggregate(f, x, false)),
        (2, from f in Gen.OneOf("min", "max")
            from type in Gen.OneOf(SodaType.Text, SodaType.Number, SodaType.FloatingTimestamp)
            from x in Expr(table, type, 1)
            select (GExpr)new GAggregate(f, x, false)));

    private static Gen<GExpr?> Having(GenTable table) =>
        from aggregate in Aggregate(table).Where(a => a.Type == SodaType.Number)
        from op in Gen.OneOf(s_orderOps)
        from value in Gen.OneOf(NumberPool)
        select (GExpr?)new GBinary(op, aggregate, new GLiteral(value, SodaType.Number), SodaType.Checkbox);

    private static Gen<GOrder> OrderKey(Gen<GExpr> key) =>
        from k in key
        from isDesc in Gen.Bool
        from nulls in Gen.OneOf<bool?>(null, true, false)
        select new GOrder(k, isDesc, nulls);

    private static Gen<(long? Limit, long? Offset)> Page { get; } = Gen.Frequency(
        (3, Gen.Const(((long?)null, (long?)null))),
        (1, from limit in Gen.Int[0, 10]
            from offset in Gen.Int[0, 8]
            from which in Gen.Int[0, 2]
            select which switch
            {
                0 => ((long?)limit, (long?)null),
                1 => ((long?)null, (long?)offset),
                _ => ((long?)limit, (long?)offset),
            }));

    private static string Short(SodaType type) => type switch
    {
        SodaType.Text => "t",
        SodaType.Number => "n",
        SodaType.Checkbox => "b",
        _ => "ts",
    };
}
