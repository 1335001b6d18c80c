using CivicData.Soql.Tests.Reference;
using static CivicData.Soql.Tests.Reference.R;

namespace CivicData.Soql.Tests.Cases;

public static partial class SoqlCaseTable
{
    private static void AddExpressions(List<SoqlCase> cases)
    {
        RefExpr qty = Col("qty");
        RefExpr ratio = Col("ratio");
        RefExpr label = Col("label");
        (string Select, RefExpr Reference)[] things =
        [
            ("qty * 2", Mul(qty, Lit(2))),
            ("qty + 1", Add(qty, Lit(1))),
            ("qty - 0.5", Sub(qty, Lit(0.5))),
            ("qty / 4", Div(qty, Lit(4))),
            ("qty % 3", Mod(qty, Lit(3))),
            ("qty % -4", Mod(qty, Lit(-4))),
            ("-qty", Neg(qty)),
            ("- -qty", Neg(Neg(qty))),
            ("qty ^ 2", Pow(qty, Lit(2))),
            ("(qty + 1) * 2", Mul(Add(qty, Lit(1)), Lit(2))),
            ("qty + 1 * 2", Add(qty, Mul(Lit(1), Lit(2)))),
            ("10 * 2 ^ 3", Mul(Lit(10), Pow(Lit(2), Lit(3)))),
            ("2 ^ 3 ^ 2", Pow(Lit(2), Pow(Lit(3), Lit(2)))),
            ("qty * qty - qty", Sub(Mul(qty, qty), qty)),
            ("qty - -1", Sub(qty, Neg(Lit(1)))),
            ("ratio * 2 + 1", Add(Mul(ratio, Lit(2)), Lit(1))),
            ("ratio / 0.25", Div(ratio, Lit(0.25))),
            ("-ratio", Neg(ratio)),
            ("label || '!'", Concat(label, Lit("!"))),
            ("'<' || label || '>'", Concat(Concat(Lit("<"), label), Lit(">"))),
            ("label || kind", Concat(label, Col("kind"))),
            ("upper(label)", Upper(label)),
            ("lower(label)", Lower(label)),
            ("UPPER(kind) || '-' || lower(label)", Concat(Concat(Upper(Col("kind")), Lit("-")), Lower(label))),
            ("date_trunc_ymd(at)", TruncYmd(Col("at"))),
            ("date_trunc_ym(at)", TruncYm(Col("at"))),
            ("date_trunc_y(at)", TruncY(Col("at"))),
            ("qty * 2 AS doubled", Mul(qty, Lit(2))),
        ];
        for (int i = 0; i < things.Length; i++)
        {
            cases.Add(Rows($"things select {i}: {things[i].Select}", Things, new SoqlRequest { Select = "label, " + things[i].Select },
                new RefQuery { Select = [label, things[i].Reference] }));
        }

        (string Where, RefExpr Reference)[] filters =
        [
            ("qty * 2 > 5", Cmp(Mul(qty, Lit(2)), ">", Lit(5))),
            ("qty % 2 = 1", Cmp(Mod(qty, Lit(2)), "=", Lit(1))),
            ("-qty < 0", Cmp(Neg(qty), "<", Lit(0))),
            ("upper(label) = 'APPLE'", Cmp(Upper(label), "=", Lit("APPLE"))),
            ("lower(label) LIKE 'a%'", Like(Lower(label), "a%")),
            ("label || 'x' = 'applex'", Cmp(Concat(label, Lit("x")), "=", Lit("applex"))),
            ("date_trunc_ymd(at) = '2018-01-01'", Cmp(TruncYmd(Col("at")), "=", Lit(new DateTime(2018, 1, 1)))),
            ("date_trunc_y(at) < '2018-01-01'", Cmp(TruncY(Col("at")), "<", Lit(new DateTime(2018, 1, 1)))),
            ("qty + ratio > 3", Cmp(Add(qty, ratio), ">", Lit(3))),
        ];
        for (int i = 0; i < filters.Length; i++)
        {
            cases.Add(Rows($"things where {i}: {filters[i].Where}", Things, new SoqlRequest { Select = "label", Where = filters[i].Where },
                new RefQuery { Select = [label], Where = filters[i].Reference }));
        }

        (string Select, RefExpr Reference)[] la =
        [
            ("date_trunc_ymd(created_date)", TruncYmd(Col("created_date"))),
            ("date_trunc_ym(closed_date)", TruncYm(Col("closed_date"))),
            ("upper(request_source)", Upper(Col("request_source"))),
            ("lower(nc_name)", Lower(Col("nc_name"))),
            ("cd * 100 + nc", Add(Mul(Col("cd"), Lit(100)), Col("nc"))),
            ("latitude - 34", Sub(Col("latitude"), Lit(34))),
            ("owner || ':' || request_type", Concat(Concat(Col("owner"), Lit(":")), Col("request_type"))),
            ("location", Col("location")),
        ];
        for (int i = 0; i < la.Length; i++)
        {
            cases.Add(Rows($"la select {i}: {la[i].Select}", La, new SoqlRequest { Select = "sr_number, " + la[i].Select },
                new RefQuery { Select = [Col("sr_number"), la[i].Reference] }));
        }

        // within_box(location, nw_lat, nw_lon, se_lat, se_lon): boxes chosen with no point on an edge.
        (double NwLat, double NwLon, double SeLat, double SeLon)[] boxes =
        [
            (34.1, -118.4, 34.0, -118.2),
            (34.35, -118.7, 33.7, -118.1),
            (34.05, -118.3, 34.1, -118.2),
            (33.0, -119.0, 32.0, -118.0),
        ];
        foreach ((double nwLat, double nwLon, double seLat, double seLon) in boxes)
        {
            cases.Add(Rows($"la within_box {nwLat} {nwLon} {seLat} {seLon}", La,
                new SoqlRequest { Select = "sr_number", Where = $"within_box(location, {Text(nwLat)}, {Text(nwLon)}, {Text(seLat)}, {Text(seLon)})" },
                new RefQuery { Select = [Col("sr_number")], Where = WithinBox(Col("location"), nwLat, nwLon, seLat, seLon) }));
        }
    }

    private static void AddAggregates(List<SoqlCase> cases)
    {
        string[] groups = ["request_type", "owner", "request_source", "cd", "anonymous", "mobile_os", "police_precinct", "nc"];
        (string Soql, RefExpr Reference)[] aggregates =
        [
            ("count(*)", CountStar),
            ("count(mobile_os)", Count(Col("mobile_os"))),
            ("count(distinct request_type)", CountDistinct(Col("request_type"))),
            ("sum(latitude)", Sum(Col("latitude"))),
            ("avg(longitude)", Avg(Col("longitude"))),
            ("min(created_date)", Min(Col("created_date"))),
            ("max(address)", Max(Col("address"))),
        ];
        foreach (string group in groups)
        {
            foreach ((string soql, RefExpr reference) in aggregates)
            {
                cases.Add(Rows($"la group by {group}: {soql}", La, new SoqlRequest { Select = $"{group}, {soql}", Group = group },
                    new RefQuery { Select = [Col(group), reference], GroupBy = [Col(group)] }));
            }
        }

        (string Soql, RefExpr Reference)[] global =
        [
            ("count(*)", CountStar),
            ("count(nc)", Count(Col("nc"))),
            ("count(distinct cd)", CountDistinct(Col("cd"))),
            ("sum(cd)", Sum(Col("cd"))),
            ("avg(latitude)", Avg(Col("latitude"))),
            ("min(latitude)", Min(Col("latitude"))),
            ("max(longitude)", Max(Col("longitude"))),
            ("min(request_type)", Min(Col("request_type"))),
            ("max(created_date)", Max(Col("created_date"))),
            ("count(location)", Count(Col("location"))),
        ];
        foreach ((string soql, RefExpr reference) in global)
        {
            cases.Add(Rows($"la aggregate {soql}", La, new SoqlRequest { Select = soql },
                new RefQuery { Select = [reference], Aggregated = true }));
        }

        (string Select, string? Where, RefExpr[] Reference, RefExpr? Filter)[] things =
        [
            ("sum(qty), avg(qty), min(qty), max(qty)", null, [Sum(Col("qty")), Avg(Col("qty")), Min(Col("qty")), Max(Col("qty"))], null),
            ("sum(ratio), avg(ratio)", null, [Sum(Col("ratio")), Avg(Col("ratio"))], null),
            ("min(label), max(label)", null, [Min(Col("label")), Max(Col("label"))], null),
            ("min(at), max(at)", null, [Min(Col("at")), Max(Col("at"))], null),
            ("count(ok), count(label), count(*)", null, [Count(Col("ok")), Count(Col("label")), CountStar], null),
            ("count(distinct qty), count(distinct at)", null, [CountDistinct(Col("qty")), CountDistinct(Col("at"))], null),
            ("count(*), sum(qty), avg(qty), min(label)", "qty < -100", [CountStar, Sum(Col("qty")), Avg(Col("qty")), Min(Col("label"))], Cmp("qty", "<", -100.0)),
            ("count(label)", "label IS NULL", [Count(Col("label"))], IsNull(Col("label"))),
            ("sum(qty * 2)", null, [Sum(Mul(Col("qty"), Lit(2)))], null),
            ("max(upper(label))", null, [Max(Upper(Col("label")))], null),
            ("sum(qty) / count(qty)", null, [Div(Sum(Col("qty")), Count(Col("qty")))], null),
        ];
        foreach ((string select, string? where, RefExpr[] reference, RefExpr? filter) in things)
        {
            cases.Add(Rows($"things aggregate {select} where {where}", Things, new SoqlRequest { Select = select, Where = where },
                new RefQuery { Select = reference, Aggregated = true, Where = filter }));
        }

        cases.Add(Rows("things group by kind with null group", Things, new SoqlRequest { Select = "kind, count(*), sum(qty)", Group = "kind" },
            new RefQuery { Select = [Col("kind"), CountStar, Sum(Col("qty"))], GroupBy = [Col("kind")] }));
        cases.Add(Rows("things group by ok", Things, new SoqlRequest { Select = "ok, count(*), max(label)", Group = "ok" },
            new RefQuery { Select = [Col("ok"), CountStar, Max(Col("label"))], GroupBy = [Col("ok")] }));
        cases.Add(Rows("things group by two keys", Things, new SoqlRequest { Select = "kind, ok, count(*)", Group = "kind, ok" },
            new RefQuery { Select = [Col("kind"), Col("ok"), CountStar], GroupBy = [Col("kind"), Col("ok")] }));
        cases.Add(Rows("things group by a key that is not selected", Things, new SoqlRequest { Select = "count(*)", Group = "kind" },
            new RefQuery { Select = [CountStar], GroupBy = [Col("kind")] }));
        cases.Add(Rows("la group by day", La, new SoqlRequest { Select = "date_trunc_ymd(created_date) AS day, count(*)", Group = "day" },
            new RefQuery { Select = [TruncYmd(Col("created_date")), CountStar], GroupBy = [TruncYmd(Col("created_date"))] }));
        cases.Add(Rows("la group by expression", La, new SoqlRequest { Select = "date_trunc_ym(service_date), count(*)", Group = "date_trunc_ym(service_date)" },
            new RefQuery { Select = [TruncYm(Col("service_date")), CountStar], GroupBy = [TruncYm(Col("service_date"))] }));
        cases.Add(Rows("la group by upper", La, new SoqlRequest { Select = "upper(request_source) AS src, count(*)", Group = "upper(request_source)" },
            new RefQuery { Select = [Upper(Col("request_source")), CountStar], GroupBy = [Upper(Col("request_source"))] }));

        (string Having, RefExpr Reference)[] havings =
        [
            ("count(*) > 10", Cmp(CountStar, ">", Lit(10))),
            ("n > 10", Cmp(CountStar, ">", Lit(10))),
            ("sum(cd) >= 100", Cmp(Sum(Col("cd")), ">=", Lit(100))),
            ("max(created_date) < '2018-01-04'", Cmp(Max(Col("created_date")), "<", Lit(new DateTime(2018, 1, 4)))),
            ("avg(latitude) > 34.1 AND count(*) > 2", And(Cmp(Avg(Col("latitude")), ">", Lit(34.1)), Cmp(CountStar, ">", Lit(2)))),
            ("NOT (n < 20)", Not(Cmp(CountStar, "<", Lit(20)))),
            ("count(mobile_os) = 0", Cmp(Count(Col("mobile_os")), "=", Lit(0))),
            ("police_precinct LIKE 'N%'", Like(Col("police_precinct"), "N%")),
        ];
        for (int i = 0; i < havings.Length; i++)
        {
            cases.Add(Rows($"la having {i}: {havings[i].Having}", La,
                new SoqlRequest { Select = "police_precinct, count(*) AS n", Group = "police_precinct", Having = havings[i].Having },
                new RefQuery { Select = [Col("police_precinct"), CountStar], GroupBy = [Col("police_precinct")], Having = havings[i].Reference }));
        }

        cases.Add(Rows("la where then group then having", La,
            new SoqlRequest { Select = "request_type, count(*)", Where = "owner = 'BOS'", Group = "request_type", Having = "count(*) >= 13" },
            new RefQuery { Select = [Col("request_type"), CountStar], Where = Cmp("owner", "=", "BOS"), GroupBy = [Col("request_type")], Having = Cmp(CountStar, ">=", Lit(13)) }));
        cases.Add(Rows("la top request types", La,
            new SoqlRequest { Select = "request_type, count(*) AS n", Group = "request_type", Order = "n DESC, request_type", Limit = "3" },
            new RefQuery { Select = [Col("request_type"), CountStar], GroupBy = [Col("request_type")], Order = [new(CountStar, true), new(Col("request_type"))], Limit = 3 }));
        cases.Add(Rows("la groups ordered by key", La,
            new SoqlRequest { Select = "cd, count(*)", Group = "cd", Order = "cd DESC" },
            new RefQuery { Select = [Col("cd"), CountStar], GroupBy = [Col("cd")], Order = [new(Col("cd"), true)] }));
        cases.Add(Rows("la groups paged by key", La,
            new SoqlRequest { Select = "nc, count(*)", Group = "nc", Order = "nc", Limit = "5", Offset = "3" },
            new RefQuery { Select = [Col("nc"), CountStar], GroupBy = [Col("nc")], Order = [new(Col("nc"))], Limit = 5, Offset = 3 }));
        cases.Add(Rows("la groups ordered by an aggregate not selected", La,
            new SoqlRequest { Select = "owner", Group = "owner", Order = "max(created_date) DESC" },
            new RefQuery { Select = [Col("owner")], GroupBy = [Col("owner")], Order = [new(Max(Col("created_date")), true)] }));
    }

    private static void AddOrdering(List<SoqlCase> cases)
    {
        string[] columns = ["label", "qty", "ratio", "ok", "at", "kind"];
        (string Soql, bool Descending, bool? NullsFirst)[] directions =
        [
            ("", false, null),
            (" ASC", false, null),
            (" DESC", true, null),
            (" ASC NULLS FIRST", false, true),
            (" DESC NULLS LAST", true, false),
            (" desc null first", true, true),
        ];
        foreach (string column in columns)
        {
            foreach ((string soql, bool descending, bool? nullsFirst) in directions)
            {
                cases.Add(Rows($"things order by {column}{soql}", Things,
                    new SoqlRequest { Select = $"label, {column}", Order = $"{column}{soql}, :id" },
                    new RefQuery { Select = [Col("label"), Col(column)], Order = [new(Col(column), descending, nullsFirst), new(Id)] }));
            }
        }

        cases.Add(Rows("things order by expression", Things, new SoqlRequest { Select = "label", Order = "qty * -1, :id DESC" },
            new RefQuery { Select = [Col("label")], Order = [new(Neg(Col("qty"))), new(Id, true)] }));
        cases.Add(Rows("things order by two keys", Things, new SoqlRequest { Select = "label", Order = "ok DESC, qty, :id" },
            new RefQuery { Select = [Col("label")], Order = [new(Col("ok"), true), new(Col("qty")), new(Id)] }));
        cases.Add(Rows("things order by alias", Things, new SoqlRequest { Select = "label, qty * 2 AS d", Order = "d DESC, label" },
            new RefQuery { Select = [Col("label"), Mul(Col("qty"), Lit(2))], Order = [new(Mul(Col("qty"), Lit(2)), true), new(Col("label"))] }));
        cases.Add(Rows("things order by column not selected", Things, new SoqlRequest { Select = "label", Order = "at DESC, :id" },
            new RefQuery { Select = [Col("label")], Order = [new(Col("at"), true), new(Id)] }));
        cases.Add(Rows("things order with ties compared as multiset", Things, new SoqlRequest { Select = "kind", Order = "kind" },
            new RefQuery { Select = [Col("kind")], Order = [new(Col("kind"))] }));

        string[] orders = ["created_date DESC, sr_number", "cd, latitude DESC NULLS LAST, sr_number", "zip_code, sr_number DESC", ":id"];
        RefOrder[][] refOrders =
        [
            [new(Col("created_date"), true), new(Col("sr_number"))],
            [new(Col("cd")), new(Col("latitude"), true, false), new(Col("sr_number"))],
            [new(Col("zip_code")), new(Col("sr_number"), true)],
            [new(Id)],
        ];
        (long? Limit, long Offset)[] pages = [(5, 0), (10, 20), (1, 299), (50, 280), (0, 0), (5, 400), (null, 295)];
        for (int o = 0; o < orders.Length; o++)
        {
            foreach ((long? limit, long offset) in pages)
            {
                cases.Add(Rows($"la order {orders[o]} limit {limit} offset {offset}", La,
                    new SoqlRequest
                    {
                        Select = "sr_number, created_date",
                        Order = orders[o],
                        Limit = limit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Offset = offset == 0 ? null : offset.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    },
                    new RefQuery { Select = [Col("sr_number"), Col("created_date")], Order = refOrders[o], Limit = limit, Offset = offset }));
            }
        }

        cases.Add(Rows("la default order is load order when paging", La, new SoqlRequest { Select = "sr_number", Limit = "7", Offset = "13" },
            new RefQuery { Select = [Col("sr_number")], Limit = 7, Offset = 13 }));
        cases.Add(Rows("la default limit is 1000", La, new SoqlRequest(), new RefQuery { Select = [.. La.Schema.Columns.Select(c => Col(c.FieldName))] }));
    }

    private static void AddStatementsAndFilters(List<SoqlCase> cases)
    {
        cases.Add(Rows("query: where order limit", La,
            new SoqlRequest { Query = "SELECT sr_number WHERE cd = 10 ORDER BY created_date DESC, sr_number LIMIT 5" },
            new RefQuery { Select = [Col("sr_number")], Where = Cmp("cd", "=", 10.0), Order = [new(Col("created_date"), true), new(Col("sr_number"))], Limit = 5 }));
        cases.Add(Rows("query: group having order", La,
            new SoqlRequest { Query = "select request_type, count(*) as n group by request_type having n > 5 order by n desc, request_type" },
            new RefQuery { Select = [Col("request_type"), CountStar], GroupBy = [Col("request_type")], Having = Cmp(CountStar, ">", Lit(5)), Order = [new(CountStar, true), new(Col("request_type"))] }));
        cases.Add(Rows("query: offset before limit", Things,
            new SoqlRequest { Query = "SELECT label, qty WHERE qty > 0 ORDER BY qty DESC, :id OFFSET 1 LIMIT 3" },
            new RefQuery { Select = [Col("label"), Col("qty")], Where = Cmp("qty", ">", 0.0), Order = [new(Col("qty"), true), new(Id)], Offset = 1, Limit = 3 }));
        cases.Add(Rows("query: star", Things, new SoqlRequest { Query = "SELECT * WHERE label = 'zebra'" },
            new RefQuery { Select = [.. Things.Schema.Columns.Select(c => Col(c.FieldName))], Where = Cmp("label", "=", "zebra") }));
        cases.Add(Rows("query: star with point column", La, new SoqlRequest { Query = "SELECT * LIMIT 3" },
            new RefQuery { Select = [.. La.Schema.Columns.Select(c => Col(c.FieldName))], Limit = 3 }));
        cases.Add(Rows("query: backticks", La, new SoqlRequest { Query = "SELECT `cd`, count(*) GROUP BY `cd`" },
            new RefQuery { Select = [Col("cd"), CountStar], GroupBy = [Col("cd")] }));
        cases.Add(Rows("query: column names are case-insensitive", La, new SoqlRequest { Query = "SELECT SR_NUMBER WHERE Request_Type = 'Other'" },
            new RefQuery { Select = [Col("sr_number")], Where = Cmp("request_type", "=", "Other") }));
        cases.Add(Rows("query: dash equals underscore", La, new SoqlRequest { Query = "SELECT `sr-number` WHERE `police-precinct` = 'HARBOR'" },
            new RefQuery { Select = [Col("sr_number")], Where = Cmp("police_precinct", "=", "HARBOR") }));
        cases.Add(Rows("query: line comment", Things, new SoqlRequest { Query = "SELECT label -- the name\nWHERE qty > 5" },
            new RefQuery { Select = [Col("label")], Where = Cmp("qty", ">", 5.0) }));
        cases.Add(Rows("query: block comment", Things, new SoqlRequest { Query = "SELECT label /* the name */ WHERE qty > 5" },
            new RefQuery { Select = [Col("label")], Where = Cmp("qty", ">", 5.0) }));
        cases.Add(Rows("query: double-quoted string", Things, new SoqlRequest { Query = "SELECT qty WHERE label = \"O'Brien's \\\"best\\\"\"" },
            new RefQuery { Select = [Col("qty")], Where = Cmp("label", "=", "O'Brien's \"best\"") }));
        cases.Add(Rows("query: system fields", Things, new SoqlRequest { Query = "SELECT :id, label WHERE qty = 3 ORDER BY :id DESC" },
            new RefQuery { Select = [Id, Col("label")], Where = Cmp("qty", "=", 3.0), Order = [new(Id, true)] }));
        cases.Add(Rows("query: aggregate over no rows", Things, new SoqlRequest { Query = "SELECT count(*), max(qty) WHERE qty > 1e9" },
            new RefQuery { Select = [CountStar, Max(Col("qty"))], Aggregated = true, Where = Cmp("qty", ">", 1e9) }));

        (string Field, string Value, RefExpr Reference)[] filters =
        [
            ("request_type", "Bulky Items", Cmp("request_type", "=", "Bulky Items")),
            ("cd", "10", Cmp("cd", "=", 10.0)),
            ("anonymous", "true", Cmp("anonymous", "=", true)),
            ("created_date", "2018-01-01T00:00:09", Cmp("created_date", "=", new DateTime(2018, 1, 1, 0, 0, 9))),
            ("latitude", "34.0676390557", Cmp("latitude", "=", 34.0676390557)),
            ("police_precinct", "77TH STREET", Cmp("police_precinct", "=", "77TH STREET")),
            ("mobile_os", "ios", Cmp("mobile_os", "=", "ios")),
        ];
        foreach ((string field, string value, RefExpr reference) in filters)
        {
            cases.Add(Rows($"filter {field}={value}", La, new SoqlRequest { Select = "sr_number", SimpleFilters = [new(field, value)] },
                new RefQuery { Select = [Col("sr_number")], Where = reference }));
        }

        cases.Add(Rows("filters are and-ed with each other and with $where", La,
            new SoqlRequest { Select = "sr_number", Where = "cd > 5", SimpleFilters = [new("owner", "OCB"), new("request_source", "Call")] },
            new RefQuery { Select = [Col("sr_number")], Where = And(Cmp("cd", ">", 5.0), Cmp("owner", "=", "OCB"), Cmp("request_source", "=", "Call")) }));
        cases.Add(Rows("filter value with quotes", Things, new SoqlRequest { Select = "qty", SimpleFilters = [new("label", "O'Brien's \"best\"")] },
            new RefQuery { Select = [Col("qty")], Where = Cmp("label", "=", "O'Brien's \"best\"") }));
        cases.Add(Rows("filter value with backslash", Things, new SoqlRequest { Select = "qty", SimpleFilters = [new("label", "back\\slash")] },
            new RefQuery { Select = [Col("qty")], Where = Cmp("label", "=", "back\\slash") }));
        cases.Add(Rows("filter on a negative number", Things, new SoqlRequest { Select = "label", SimpleFilters = [new("qty", "-7.25")] },
            new RefQuery { Select = [Col("label")], Where = Cmp("qty", "=", -7.25) }));
    }

    private static void AddRegressions(List<SoqlCase> cases)
    {
        // Counterexamples found by the differential properties land here, each with a comment naming what it found.

        // Differential, DuckDB vs PostgreSQL (seed 85hR6S5roTs4): grouping by (date_trunc_ym(ts) = '2017-12-31T12:00:00')
        // put the rows with a null ts in the FALSE group on DuckDB. DuckDB 1.5.6 folds date_trunc(part, NULL) = c to FALSE
        // (and <> to TRUE) when c is not truncated to part; <, <=, >, >=, IN and BETWEEN are not affected.
        // Fixed: the DuckDB dialect wraps date_trunc in a CASE that hides it from that rewrite.
        cases.Add(Rows("regression: NOT (date_trunc_ym = untruncated literal) drops null timestamps", Things,
            new SoqlRequest { Select = "label", Where = "NOT (date_trunc_ym(at) = '2018-01-01T08:00:00')" },
            new RefQuery { Select = [Col("label")], Where = Not(Cmp(TruncYm(Col("at")), "=", Lit(new DateTime(2018, 1, 1, 8, 0, 0)))) }));
        cases.Add(Rows("regression: date_trunc_y != untruncated literal is null for a null timestamp", Things,
            new SoqlRequest { Select = "label, date_trunc_y(at) != '2018-06-15T18:45:00' AS differs" },
            new RefQuery { Select = [Col("label"), Cmp(TruncY(Col("at")), "!=", Lit(new DateTime(2018, 6, 15, 18, 45, 0)))] }));
        cases.Add(Rows("regression: grouping by date_trunc_ym = untruncated literal keeps a null group", Things,
            new SoqlRequest { Select = "date_trunc_ym(at) = '2017-12-31T12:00:00' AS k, count(*)", Group = "k" },
            new RefQuery { Select = [Cmp(TruncYm(Col("at")), "=", Lit(new DateTime(2017, 12, 31, 12, 0, 0))), CountStar], GroupBy = [Cmp(TruncYm(Col("at")), "=", Lit(new DateTime(2017, 12, 31, 12, 0, 0)))] }));
        // Probing runtime errors on both engines: DuckDB answers rows of Infinity / NaN where PostgreSQL (and soda.md §6.8:
        // divide by zero → 400 query.execution.division-by-zero) refuses the query. Fixed: the DuckDB dialect raises error().
        cases.Add(new SoqlCase("regression: division by zero is an error", Things, new SoqlRequest { Select = "label, qty / 0" }) { RuntimeError = true });
        cases.Add(new SoqlCase("regression: modulo by zero is an error", Things, new SoqlRequest { Select = "label, qty % 0" }) { RuntimeError = true });
        cases.Add(new SoqlCase("regression: negative base to a fractional power is an error", Things, new SoqlRequest { Select = "label, qty ^ 0.5" }) { RuntimeError = true });
        cases.Add(new SoqlCase("runtime: ln of a negative number is an error", Things, new SoqlRequest { Select = "ln(qty)" }) { RuntimeError = true });
        cases.Add(new SoqlCase("runtime: text that is no number cast to number is an error", Things, new SoqlRequest { Select = "label::number" }) { RuntimeError = true });
        cases.Add(new SoqlCase("runtime: cast error in where is an error", Things, new SoqlRequest { Where = "label::number > 1" }) { RuntimeError = true });

        // Fuzzing, mutated case queries (seed 3o70qlR0zoi2): $select=count() compiled to SQL count(), which PostgreSQL
        // rejects (42809: count(*) must be used to call a parameterless aggregate function). soda.md §6.8: wrong arity
        // is query.soql.no-such-function.
        cases.Add(Error("regression: count() with no argument", La, new SoqlRequest { Select = "count()", Where = "owner IS NULL" }, "query.soql.no-such-function"));

        cases.Add(Rows("regression: date_trunc_ymd = truncated literal stays correct", Things,
            new SoqlRequest { Select = "label", Where = "NOT (date_trunc_ymd(at) = '2018-01-01')" },
            new RefQuery { Select = [Col("label")], Where = Not(Cmp(TruncYmd(Col("at")), "=", Lit(new DateTime(2018, 1, 1)))) }));

        // Differential (seed 7xLl2Sy3fbe1): a product of two quotients has more fractional digits on PostgreSQL
        // (numeric) than a .NET decimal holds; reading it back must not overflow.
        cases.Add(Rows("regression: product of two quotients keeps its value", Things,
            new SoqlRequest { Select = "label, (qty / 8) * (qty / 3)" },
            new RefQuery { Select = [Col("label"), Mul(Div(Col("qty"), Lit(8)), Div(Col("qty"), Lit(3)))] }));
    }

    private static void AddErrors(List<SoqlCase> cases)
    {
        const string NoSuchColumn = "query.soql.no-such-column";
        const string TypeMismatch = "query.soql.type-mismatch";
        const string Malformed = "query.compiler.malformed";
        (string Name, SoqlRequest Request, string Code)[] errors =
        [
            ("unknown column in $where", new SoqlRequest { Where = "nosuch = 1" }, NoSuchColumn),
            ("unknown column in $select", new SoqlRequest { Select = "sr_number, nosuch" }, NoSuchColumn),
            ("unknown column in $order", new SoqlRequest { Order = "nosuch DESC" }, NoSuchColumn),
            ("unknown column in $group", new SoqlRequest { Select = "count(*)", Group = "nosuch" }, NoSuchColumn),
            ("unknown column in $having", new SoqlRequest { Select = "cd, count(*)", Group = "cd", Having = "nosuch > 1" }, NoSuchColumn),
            ("unknown column in simple filter", new SoqlRequest { SimpleFilters = [new("nosuch", "1")] }, NoSuchColumn),
            ("unknown column in $query", new SoqlRequest { Query = "SELECT nosuch" }, NoSuchColumn),
            ("system field that does not exist", new SoqlRequest { Select = ":nosuch" }, NoSuchColumn),
            ("text plus number", new SoqlRequest { Select = "request_type + 1" }, TypeMismatch),
            ("non-boolean $where", new SoqlRequest { Where = "cd" }, "query.soql.non-boolean-where|query.soql.type-mismatch"),
            ("non-boolean $having", new SoqlRequest { Select = "cd, count(*)", Group = "cd", Having = "count(*)" }, "query.soql.non-boolean-having|query.soql.type-mismatch"),
            ("upper of a number", new SoqlRequest { Select = "upper(cd)" }, TypeMismatch),
            ("sum of text", new SoqlRequest { Select = "sum(request_type)" }, TypeMismatch),
            ("like on a number", new SoqlRequest { Where = "cd LIKE '1%'" }, TypeMismatch),
            ("comparing text with a timestamp", new SoqlRequest { Where = "request_type < created_date" }, TypeMismatch),
            ("and of numbers", new SoqlRequest { Where = "cd AND nc" }, TypeMismatch),
            ("unknown function", new SoqlRequest { Select = "frobnicate(cd)" }, "query.soql.no-such-function"),
            ("aggregate in $where", new SoqlRequest { Where = "count(*) > 1" }, "query.soql.aggregate-in-ungrouped-context"),
            ("aggregate in $group", new SoqlRequest { Select = "count(*)", Group = "count(*)" }, "query.soql.aggregate-in-ungrouped-context"),
            ("column not in group by", new SoqlRequest { Select = "request_type, count(*)", Group = "owner" }, "query.soql.column-not-in-group-bys"),
            ("column beside an aggregate without group by", new SoqlRequest { Select = "request_type, count(*)" }, "query.soql.column-not-in-group-bys"),
            ("order by a column not grouped", new SoqlRequest { Select = "cd, count(*)", Group = "cd", Order = "nc" }, "query.soql.column-not-in-group-bys"),
            ("double equals", new SoqlRequest { Where = "cd = = 5" }, Malformed),
            ("unterminated string", new SoqlRequest { Where = "owner = 'BOS" }, Malformed),
            ("dangling operator", new SoqlRequest { Where = "cd >" }, Malformed),
            ("unbalanced parenthesis", new SoqlRequest { Where = "(cd = 5" }, Malformed),
            ("clauses out of order", new SoqlRequest { Query = "SELECT cd ORDER BY cd WHERE cd = 1" }, Malformed),
            ("empty $select", new SoqlRequest { Select = "" }, Malformed),
            ("parameter holes are rejected", new SoqlRequest { Where = "cd = ?x" }, Malformed),
            ("text limit", new SoqlRequest { Limit = "ten" }, "query.soql.invalid-limit"),
            ("negative limit", new SoqlRequest { Limit = "-1" }, "query.soql.invalid-limit"),
            ("fractional limit", new SoqlRequest { Limit = "1.5" }, "query.soql.invalid-limit"),
            ("limit above the cap", new SoqlRequest { Limit = "50001" }, "query.soql.invalid-limit"),
            ("text offset", new SoqlRequest { Offset = "x" }, "query.soql.invalid-offset"),
            ("negative offset", new SoqlRequest { Offset = "-3" }, "query.soql.invalid-offset"),
            ("duplicate alias", new SoqlRequest { Select = "cd AS x, nc AS x" }, "query.soql.duplicate-alias"),
        ];
        foreach ((string name, SoqlRequest request, string code) in errors)
        {
            cases.Add(Error("error: " + name, La, request, code));
        }
    }
}
