using System.Globalization;
using CivicData.Soql.Tests.Reference;
using static CivicData.Soql.Tests.Reference.R;

namespace CivicData.Soql.Tests.Cases;

/// <summary>
/// The case table (style.md §3, test 2): SoQL over the LA 311 slice and the hand-written things table, each with an
/// answer computed without the compiler. Built once; names are unique and stable so a failure names its case.
/// </summary>
public static partial class SoqlCaseTable
{
    private static readonly Lazy<IReadOnlyDictionary<string, SoqlCase>> s_cases = new(Build);

    public static IReadOnlyDictionary<string, SoqlCase> All => s_cases.Value;

    private static RefTable La => FixtureData.La311;

    private static RefTable Things => FixtureData.Things;

    private static Dictionary<string, SoqlCase> Build()
    {
        var cases = new List<SoqlCase>();
        AddComparisons(cases);
        AddLogic(cases);
        AddPredicates(cases);
        AddNullChecks(cases);
        AddExpressions(cases);
        AddFunctions(cases);
        AddAggregates(cases);
        AddOrdering(cases);
        AddStatementsAndFilters(cases);
        AddRegressions(cases);
        AddErrors(cases);

        var byName = new Dictionary<string, SoqlCase>(StringComparer.Ordinal);
        foreach (SoqlCase soqlCase in cases)
        {
            if (!byName.TryAdd(soqlCase.Name, soqlCase))
            {
                throw new InvalidOperationException("Duplicate case name " + soqlCase.Name);
            }
        }

        return byName;
    }

    private static SoqlCase Rows(string name, RefTable table, SoqlRequest request, RefQuery reference) =>
        new(name, table, request) { Reference = reference };

    private static SoqlCase Error(string name, RefTable table, SoqlRequest request, string code) =>
        new(name, table, request) { ErrorCode = code };

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static readonly string[] s_operators = ["=", "!=", "<", "<=", ">", ">="];

    private static void AddComparisons(List<SoqlCase> cases)
    {
        (string Column, string Literal, object Value)[] la =
        [
            ("cd", "10", 10.0),
            ("zip_code", "90042", 90042.0),
            ("latitude", "34.05", 34.05),
            ("longitude", "-118.3", -118.3),
            ("nc", "'55'", 55.0),
            ("request_type", "'Bulky Items'", "Bulky Items"),
            ("police_precinct", "'NEWTON'", "NEWTON"),
            ("created_date", "'2018-01-02T12:00:00'", new DateTime(2018, 1, 2, 12, 0, 0)),
            ("service_date", "'2018-01-05'", new DateTime(2018, 1, 5)),
            ("anonymous", "true", true),
        ];
        foreach ((string column, string literal, object value) in la)
        {
            foreach (string op in s_operators)
            {
                cases.Add(Rows($"la {column} {op} {literal}", La,
                    new SoqlRequest { Select = "sr_number", Where = $"{column} {op} {literal}" },
                    new RefQuery { Select = [Col("sr_number")], Where = Cmp(column, op, value) }));
            }
        }

        (string Column, string Literal, object Value)[] things =
        [
            ("label", "'apple'", "apple"),
            ("label", "'Apple'", "Apple"),
            ("qty", "3", 3.0),
            ("qty", "-2", -2.0),
            ("ratio", "0.5", 0.5),
            ("at", "'2018-01-01T08:00'", new DateTime(2018, 1, 1, 8, 0, 0)),
            ("ok", "false", false),
        ];
        foreach ((string column, string literal, object value) in things)
        {
            foreach (string op in s_operators)
            {
                cases.Add(Rows($"things {column} {op} {literal}", Things,
                    new SoqlRequest { Select = "label, qty", Where = $"{column} {op} {literal}" },
                    new RefQuery { Select = [Col("label"), Col("qty")], Where = Cmp(column, op, value) }));
            }
        }

        // Operator spellings and column-to-column comparisons.
        cases.Add(Rows("la == spelling", La, new SoqlRequest { Select = "sr_number", Where = "cd == 14" },
            new RefQuery { Select = [Col("sr_number")], Where = Cmp("cd", "=", 14.0) }));
        cases.Add(Rows("la <> spelling", La, new SoqlRequest { Select = "sr_number", Where = "owner <> 'BOS'" },
            new RefQuery { Select = [Col("sr_number")], Where = Cmp("owner", "!=", "BOS") }));
        cases.Add(Rows("la column vs column timestamps", La, new SoqlRequest { Select = "sr_number", Where = "closed_date < service_date" },
            new RefQuery { Select = [Col("sr_number")], Where = Cmp(Col("closed_date"), "<", Col("service_date")) }));
        cases.Add(Rows("la column vs column numbers", La, new SoqlRequest { Select = "sr_number, cd, nc", Where = "nc < cd" },
            new RefQuery { Select = [Col("sr_number"), Col("cd"), Col("nc")], Where = Cmp(Col("nc"), "<", Col("cd")) }));
        cases.Add(Rows("la keywords in any case", La, new SoqlRequest { Select = "sr_number", Where = "CD = 3 and Owner = 'OCB'" },
            new RefQuery { Select = [Col("sr_number")], Where = And(Cmp("cd", "=", 3.0), Cmp("owner", "=", "OCB")) }));
        cases.Add(Rows("things text is case sensitive", Things, new SoqlRequest { Select = "label", Where = "label = 'APPLE'" },
            new RefQuery { Select = [Col("label")], Where = Cmp("label", "=", "APPLE") }));
        cases.Add(Rows("things quote in literal", Things, new SoqlRequest { Select = "label", Where = "label = 'O''Brien''s \"best\"'" },
            new RefQuery { Select = [Col("label")], Where = Cmp("label", "=", "O'Brien's \"best\"") }));
        cases.Add(Rows("things unicode literal", Things, new SoqlRequest { Select = "qty", Where = "label = 'crème brûlée'" },
            new RefQuery { Select = [Col("qty")], Where = Cmp("label", "=", "crème brûlée") }));
        cases.Add(Rows("things empty string is not null", Things, new SoqlRequest { Select = "qty", Where = "label = ''" },
            new RefQuery { Select = [Col("qty")], Where = Cmp("label", "=", "") }));
        cases.Add(Rows("things text orders by code point", Things, new SoqlRequest { Select = "label", Where = "label > 'Z'" },
            new RefQuery { Select = [Col("label")], Where = Cmp("label", ">", "Z") }));
        cases.Add(Rows("things number literal as string", Things, new SoqlRequest { Select = "label", Where = "qty >= '3.0'" },
            new RefQuery { Select = [Col("label")], Where = Cmp("qty", ">=", 3.0) }));
        cases.Add(Rows("things timestamp with millis", Things, new SoqlRequest { Select = "label", Where = "at = '2016-07-04T09:15:30.250'" },
            new RefQuery { Select = [Col("label")], Where = Cmp("at", "=", new DateTime(2016, 7, 4, 9, 15, 30, 250)) }));
    }

    private static void AddLogic(List<SoqlCase> cases)
    {
        (string Where, RefExpr Reference)[] la =
        [
            ("owner = 'BOS' AND cd = 14", And(Cmp("owner", "=", "BOS"), Cmp("cd", "=", 14.0))),
            ("owner = 'BSL' OR owner = 'ITA'", Or(Cmp("owner", "=", "BSL"), Cmp("owner", "=", "ITA"))),
            ("NOT owner = 'BOS'", Not(Cmp("owner", "=", "BOS"))),
            ("NOT (cd > 5 AND cd < 10)", Not(And(Cmp("cd", ">", 5.0), Cmp("cd", "<", 10.0)))),
            ("mobile_os = 'iOS' OR anonymous", Or(Cmp("mobile_os", "=", "iOS"), Col("anonymous"))),
            ("NOT anonymous AND mobile_os != 'iOS'", And(Not(Col("anonymous")), Cmp("mobile_os", "!=", "iOS"))),
            ("mobile_os != 'iOS'", Cmp("mobile_os", "!=", "iOS")),
            ("NOT (mobile_os = 'iOS')", Not(Cmp("mobile_os", "=", "iOS"))),
            ("nc > 100 OR latitude > 34.2", Or(Cmp("nc", ">", 100.0), Cmp("latitude", ">", 34.2))),
            ("NOT (nc > 100 OR latitude > 34.2)", Not(Or(Cmp("nc", ">", 100.0), Cmp("latitude", ">", 34.2)))),
            ("cd = 1 OR cd = 2 AND owner = 'OCB'", Or(Cmp("cd", "=", 1.0), And(Cmp("cd", "=", 2.0), Cmp("owner", "=", "OCB")))),
            ("(cd = 1 OR cd = 2) AND owner = 'OCB'", And(Or(Cmp("cd", "=", 1.0), Cmp("cd", "=", 2.0)), Cmp("owner", "=", "OCB"))),
            ("NOT NOT anonymous", Not(Not(Col("anonymous")))),
            ("anonymous = false AND request_source = 'Call' AND cd >= 12", And(Cmp("anonymous", "=", false), Cmp("request_source", "=", "Call"), Cmp("cd", ">=", 12.0))),
        ];
        for (int i = 0; i < la.Length; i++)
        {
            cases.Add(Rows($"la logic {i}: {la[i].Where}", La, new SoqlRequest { Select = "sr_number", Where = la[i].Where },
                new RefQuery { Select = [Col("sr_number")], Where = la[i].Reference }));
        }

        (string Where, RefExpr Reference)[] things =
        [
            ("ok", Col("ok")),
            ("NOT ok", Not(Col("ok"))),
            ("ok OR qty > 5", Or(Col("ok"), Cmp("qty", ">", 5.0))),
            ("ok AND qty > 0", And(Col("ok"), Cmp("qty", ">", 0.0))),
            ("NOT (ok AND qty > 0)", Not(And(Col("ok"), Cmp("qty", ">", 0.0)))),
            ("NOT (ok OR ratio < 0)", Not(Or(Col("ok"), Cmp("ratio", "<", 0.0)))),
            ("ok = true OR ok = false", Or(Cmp("ok", "=", true), Cmp("ok", "=", false))),
            ("kind != 'name' OR kind IS NULL", Or(Cmp("kind", "!=", "name"), IsNull(Col("kind")))),
        ];
        for (int i = 0; i < things.Length; i++)
        {
            cases.Add(Rows($"things logic {i}: {things[i].Where}", Things, new SoqlRequest { Select = "label", Where = things[i].Where },
                new RefQuery { Select = [Col("label")], Where = things[i].Reference }));
        }
    }

    private static void AddPredicates(List<SoqlCase> cases)
    {
        (string Where, RefExpr Reference)[] la =
        [
            ("cd IN (1, 5, 14)", In(Col("cd"), 1.0, 5.0, 14.0)),
            ("cd NOT IN (1, 5, 14)", NotIn(Col("cd"), 1.0, 5.0, 14.0)),
            ("request_type IN ('Other', 'Dead Animal Removal')", In(Col("request_type"), "Other", "Dead Animal Removal")),
            ("request_type NOT IN ('Bulky Items', 'Graffiti Removal')", NotIn(Col("request_type"), "Bulky Items", "Graffiti Removal")),
            ("mobile_os IN ('iOS')", In(Col("mobile_os"), "iOS")),
            ("mobile_os NOT IN ('iOS')", NotIn(Col("mobile_os"), "iOS")),
            ("nc IN (55, 41)", In(Col("nc"), 55.0, 41.0)),
            ("nc NOT IN (55, 41)", NotIn(Col("nc"), 55.0, 41.0)),
            ("cd BETWEEN 3 AND 5", Between(Col("cd"), 3.0, 5.0)),
            ("cd NOT BETWEEN 3 AND 13", NotBetween(Col("cd"), 3.0, 13.0)),
            ("latitude BETWEEN 34.0 AND 34.1", Between(Col("latitude"), 34.0, 34.1)),
            ("latitude NOT BETWEEN 34.0 AND 34.1", NotBetween(Col("latitude"), 34.0, 34.1)),
            ("created_date BETWEEN '2018-01-02' AND '2018-01-03'", Between(Col("created_date"), new DateTime(2018, 1, 2), new DateTime(2018, 1, 3))),
            ("police_precinct BETWEEN 'H' AND 'N'", Between(Col("police_precinct"), "H", "N")),
            ("cd BETWEEN 5 AND 3", Between(Col("cd"), 5.0, 3.0)),
            ("request_type LIKE 'B%'", Like(Col("request_type"), "B%")),
            ("request_type LIKE '%Waste'", Like(Col("request_type"), "%Waste")),
            ("request_type LIKE '%/%'", Like(Col("request_type"), "%/%")),
            ("address LIKE '%AVE, 9000_'", Like(Col("address"), "%AVE, 9000_")),
            ("address NOT LIKE '% ST, %'", NotLike(Col("address"), "% ST, %")),
            ("nc_name LIKE '%NC'", Like(Col("nc_name"), "%NC")),
            ("nc_name NOT LIKE '%NC'", NotLike(Col("nc_name"), "%NC")),
            ("request_type LIKE 'bulky%'", Like(Col("request_type"), "bulky%")),
            ("request_type LIKE 'Bulky Items'", Like(Col("request_type"), "Bulky Items")),
            ("sr_number LIKE '1-8707_____'", Like(Col("sr_number"), "1-8707_____")),
        ];
        for (int i = 0; i < la.Length; i++)
        {
            cases.Add(Rows($"la predicate {i}: {la[i].Where}", La, new SoqlRequest { Select = "sr_number", Where = la[i].Where },
                new RefQuery { Select = [Col("sr_number")], Where = la[i].Reference }));
        }

        (string Where, RefExpr Reference)[] things =
        [
            ("label IN ('apple', 'zebra', 'nothing')", In(Col("label"), "apple", "zebra", "nothing")),
            ("label NOT IN ('apple', 'zebra')", NotIn(Col("label"), "apple", "zebra")),
            ("qty IN (3, -2)", In(Col("qty"), 3.0, -2.0)),
            ("qty NOT IN (3, -2)", NotIn(Col("qty"), 3.0, -2.0)),
            ("qty BETWEEN -2 AND 3", Between(Col("qty"), -2.0, 3.0)),
            ("qty NOT BETWEEN -2 AND 3", NotBetween(Col("qty"), -2.0, 3.0)),
            ("ratio BETWEEN -1 AND 0.5", Between(Col("ratio"), -1.0, 0.5)),
            ("at BETWEEN '2018-01-01' AND '2018-12-31'", Between(Col("at"), new DateTime(2018, 1, 1), new DateTime(2018, 12, 31))),
            ("label LIKE '%pp%'", Like(Col("label"), "%pp%")),
            ("label LIKE '_pple'", Like(Col("label"), "_pple")),
            ("label LIKE '50%'", Like(Col("label"), "50%")),
            ("label LIKE '%\\%'", Like(Col("label"), "%\\%")),
            ("label LIKE 'back\\%'", Like(Col("label"), "back\\%")),
            ("label LIKE '%''%'", Like(Col("label"), "%'%")),
            ("label LIKE '%✓'", Like(Col("label"), "%✓")),
            ("label LIKE '__'", Like(Col("label"), "__")),
            ("label LIKE '%'", Like(Col("label"), "%")),
            ("label NOT LIKE '%e%'", NotLike(Col("label"), "%e%")),
            ("label LIKE ''", Like(Col("label"), "")),
        ];
        for (int i = 0; i < things.Length; i++)
        {
            cases.Add(Rows($"things predicate {i}: {things[i].Where}", Things, new SoqlRequest { Select = "label", Where = things[i].Where },
                new RefQuery { Select = [Col("label")], Where = things[i].Reference }));
        }
    }

    private static void AddNullChecks(List<SoqlCase> cases)
    {
        foreach (RefTable table in new[] { La, Things })
        {
            string prefix = table == La ? "la" : "things";
            foreach (Core.Schema.ColumnSchema column in table.Schema.Columns)
            {
                string name = column.FieldName;
                cases.Add(Rows($"{prefix} count where {name} IS NULL", table,
                    new SoqlRequest { Select = "count(*)", Where = $"{name} IS NULL" },
                    new RefQuery { Select = [CountStar], Aggregated = true, Where = IsNull(Col(name)) }));
                cases.Add(Rows($"{prefix} count where {name} IS NOT NULL", table,
                    new SoqlRequest { Select = "count(*)", Where = $"{name} is not null" },
                    new RefQuery { Select = [CountStar], Aggregated = true, Where = IsNotNull(Col(name)) }));
            }
        }

        cases.Add(Rows("things rows where label is null", Things, new SoqlRequest { Select = ":id, qty", Where = "label IS NULL" },
            new RefQuery { Select = [Id, Col("qty")], Where = IsNull(Col("label")) }));
        cases.Add(Rows("things not of is null", Things, new SoqlRequest { Select = "label", Where = "NOT ratio IS NULL" },
            new RefQuery { Select = [Col("label")], Where = Not(IsNull(Col("ratio"))) }));
    }
}
