using CivicData.Soql.Rendering.Sql;
using CivicData.Soql.Tests.Support;

namespace CivicData.Soql.Tests.Rendering;

/// <summary>SoQL → DuckDB SQL text and parameter values, checked in by hand (style.md §3, test 1).</summary>
public sealed class DuckDbGoldenSqlTests
{
    private const string T = "\"ds_abcd_1234_v1\"";
    private const string Seq = "ORDER BY \":seq\" ASC";
    private const string AllColumns = "\"make\", \"name\", \"v_max\", \"price\", \"ratio\", \"available\", \"inspected\", \"active\", \"location\", \"website\", \"area\"";
    private const string Search = "(contains(lower(\"make\"), $2) OR contains(lower(\"name\"), $2) OR contains(lower(\"website\"), $2))";

    private static readonly GoldenCase[] s_cases =
    [
        new("default query selects every user column in load order",
            new SoqlRequest(),
            $"SELECT {AllColumns} FROM {T} {Seq} LIMIT $1 OFFSET $2",
            1000L, 0L),
        new("where with text equality and limit",
            new SoqlRequest { Select = "make, name", Where = "make = 'APCO'", Limit = "10" },
            $"SELECT \"make\", \"name\" FROM {T} WHERE (\"make\" = $1) {Seq} LIMIT $2 OFFSET $3",
            "APCO", 10L, 0L),
        new("star with system fields puts them first",
            new SoqlRequest { Select = "*", IncludeSystemFields = true, Limit = "1" },
            $"SELECT \":id\", \":created_at\", \":updated_at\", {AllColumns} FROM {T} {Seq} LIMIT $1 OFFSET $2",
            1L, 0L),
        new("colon star selects system fields",
            new SoqlRequest { Select = ":*, make", Limit = "1" },
            $"SELECT \":id\", \":created_at\", \":updated_at\", \"make\" FROM {T} {Seq} LIMIT $1 OFFSET $2",
            1L, 0L),
        new("identifiers fold case and dash, order by id",
            new SoqlRequest { Select = "MAKE, `v-max`", Order = ":id" },
            $"SELECT \"make\", \"v_max\" FROM {T} ORDER BY \":id\" ASC NULLS LAST, \":seq\" ASC LIMIT $1 OFFSET $2",
            1000L, 0L),
        new("text literal compared with a number becomes a double",
            new SoqlRequest { Select = "make", Where = "v_max > '3000'" },
            $"SELECT \"make\" FROM {T} WHERE (\"v_max\" > $1) {Seq} LIMIT $2 OFFSET $3",
            3000d, 1000L, 0L),
        new("text literal compared with a floating timestamp becomes a DateTime",
            new SoqlRequest { Select = "make", Where = "available > '2018-01-02'" },
            $"SELECT \"make\" FROM {T} WHERE (\"available\" > $1) {Seq} LIMIT $2 OFFSET $3",
            new DateTime(2018, 1, 2), 1000L, 0L),
        new("fixed timestamp literal with an offset is converted to UTC",
            new SoqlRequest { Select = "make", Where = "inspected < '2018-01-02T12:00:00+02:00'" },
            $"SELECT \"make\" FROM {T} WHERE (\"inspected\" < $1) {Seq} LIMIT $2 OFFSET $3",
            new DateTime(2018, 1, 2, 10, 0, 0), 1000L, 0L),
        new("checkbox literal and is null",
            new SoqlRequest { Select = "make", Where = "active = 'true' OR active IS NULL" },
            $"SELECT \"make\" FROM {T} WHERE ((\"active\" = $1) OR (\"active\" IS NULL)) {Seq} LIMIT $2 OFFSET $3",
            true, 1000L, 0L),
        new("in and not in",
            new SoqlRequest { Select = "make", Where = "make IN ('A', 'B') AND name NOT IN ('x')" },
            $"SELECT \"make\" FROM {T} WHERE ((\"make\" IN ($1, $2)) AND (\"name\" NOT IN ($3))) {Seq} LIMIT $4 OFFSET $5",
            "A", "B", "x", 1000L, 0L),
        new("between and not between",
            new SoqlRequest { Select = "make", Where = "v_max BETWEEN 10 AND '20' AND price NOT BETWEEN 1 AND 2" },
            $"SELECT \"make\" FROM {T} WHERE ((\"v_max\" BETWEEN $1 AND $2) AND (\"price\" NOT BETWEEN $3 AND $4)) {Seq} LIMIT $5 OFFSET $6",
            10d, 20d, 1d, 2d, 1000L, 0L),
        new("like and not like",
            new SoqlRequest { Select = "make", Where = "name LIKE 'Kar%' AND name NOT LIKE '%x'" },
            $"SELECT \"make\" FROM {T} WHERE ((\"name\" LIKE $1) AND (\"name\" NOT LIKE $2)) {Seq} LIMIT $3 OFFSET $4",
            "Kar%", "%x", 1000L, 0L),
        new("not and every comparison spelling",
            new SoqlRequest { Select = "make", Where = "NOT (v_max >= 3 AND v_max <= 4) AND ratio != 1 AND ratio <> 2 AND ratio == 3" },
            $"SELECT \"make\" FROM {T} WHERE ((((NOT ((\"v_max\" >= $1) AND (\"v_max\" <= $2))) AND (\"ratio\" <> $3)) AND (\"ratio\" <> $4)) AND (\"ratio\" = $5)) {Seq} LIMIT $6 OFFSET $7",
            3d, 4d, 1d, 2d, 3d, 1000L, 0L),
        new("arithmetic, unary minus and power",
            new SoqlRequest { Select = "v_max * 2 + ratio / 4 - price % 3, -v_max, 2 ^ 3" },
            $"SELECT (((\"v_max\" * $1) + (\"ratio\" / $2)) - (\"price\" % $3)), (- \"v_max\"), power($4, $5) FROM {T} {Seq} LIMIT $6 OFFSET $7",
            2d, 4d, 3d, 2d, 3d, 1000L, 0L),
        new("concatenation",
            new SoqlRequest { Select = "make || ' ' || name AS label" },
            $"SELECT ((\"make\" || $1) || \"name\") FROM {T} {Seq} LIMIT $2 OFFSET $3",
            " ", 1000L, 0L),
        new("casts, with a literal cast folded into its parameter",
            new SoqlRequest { Select = "v_max::text, make::number, '5'::number, active::text, available::text" },
            $"SELECT regexp_replace(CAST(\"v_max\" AS VARCHAR), '\\.0$', ''), CAST(\"make\" AS DOUBLE), $1, CAST(\"active\" AS VARCHAR), strftime(\"available\", '%Y-%m-%dT%H:%M:%S.%g') FROM {T} {Seq} LIMIT $2 OFFSET $3",
            5d, 1000L, 0L),
        new("upper and lower, order with explicit null placement",
            new SoqlRequest { Select = "upper(make), lower(name)", Order = "upper(make) desc null last" },
            $"SELECT upper(\"make\"), lower(\"name\") FROM {T} ORDER BY upper(\"make\") DESC NULLS LAST, \":seq\" ASC LIMIT $1 OFFSET $2",
            1000L, 0L),
        new("aggregates cast to double and default order by the groups",
            new SoqlRequest { Select = "make, sum(v_max), avg(price), min(available), max(name)", Group = "make" },
            $"SELECT \"make\", CAST(sum(\"v_max\") AS DOUBLE), CAST(avg(\"price\") AS DOUBLE), min(\"available\"), max(\"name\") FROM {T} GROUP BY \"make\" ORDER BY \"make\" ASC NULLS LAST LIMIT $1 OFFSET $2",
            1000L, 0L),
        new("count distinct over the whole table has no order",
            new SoqlRequest { Select = "count(distinct make)" },
            $"SELECT CAST(count(DISTINCT \"make\") AS DOUBLE) FROM {T} LIMIT $1 OFFSET $2",
            1000L, 0L),
        new("date truncation grouped by alias and expression",
            new SoqlRequest { Select = "date_trunc_ymd(available) AS day, date_trunc_y(inspected), count(*)", Group = "day, date_trunc_y(inspected)", Order = "count(*) DESC" },
            $"SELECT date_trunc('day', \"available\"), date_trunc('year', \"inspected\"), CAST(count(*) AS DOUBLE) FROM {T} GROUP BY date_trunc('day', \"available\"), date_trunc('year', \"inspected\") ORDER BY CAST(count(*) AS DOUBLE) DESC NULLS FIRST, date_trunc('day', \"available\") ASC NULLS LAST, date_trunc('year', \"inspected\") ASC NULLS LAST LIMIT $1 OFFSET $2",
            1000L, 0L),
        new("within circle is haversine in SQL with each argument a parameter",
            new SoqlRequest { Select = "make", Where = "within_circle(location, 32.5, 34.9, 10000)" },
            $"SELECT \"make\" FROM {T} WHERE ((2 * 6371008.8 * asin(least(1, sqrt((power(sin((radians((\"location\".\"lat\" - $1)) / 2)), 2) + cos(radians(\"location\".\"lat\")) * cos(radians($1)) * power(sin((radians((\"location\".\"lon\" - $2)) / 2)), 2)))))) <= $3) {Seq} LIMIT $4 OFFSET $5",
            32.5d, 34.9d, 10000d, 1000L, 0L),
        new("within box",
            new SoqlRequest { Select = "make", Where = "within_box(location, 47.7, -122.4, 47.5, -122.2)" },
            $"SELECT \"make\" FROM {T} WHERE ((\"location\".\"lat\" BETWEEN $1 AND $2) AND (\"location\".\"lon\" BETWEEN $3 AND $4)) {Seq} LIMIT $5 OFFSET $6",
            47.5d, 47.7d, -122.4d, -122.2d, 1000L, 0L),
        new("simple filters are typed equalities",
            new SoqlRequest { Select = "make", SimpleFilters = [new("make", "OZONE"), new("v_max", "50")] },
            $"SELECT \"make\" FROM {T} WHERE ((\"make\" = $1) AND (\"v_max\" = $2)) {Seq} LIMIT $3 OFFSET $4",
            "OZONE", 50d, 1000L, 0L),
        new("limit at the cap and offset",
            new SoqlRequest { Select = "make", Offset = "20", Limit = "50000" },
            $"SELECT \"make\" FROM {T} {Seq} LIMIT $1 OFFSET $2",
            50000L, 20L),
        new("no default limit for exports",
            new SoqlRequest { Select = "make", DefaultLimit = null },
            $"SELECT \"make\" FROM {T} {Seq} OFFSET $1",
            0L),
        new("several order keys",
            new SoqlRequest { Select = "make", Order = "make asc nulls first, name desc nulls last" },
            $"SELECT \"make\" FROM {T} ORDER BY \"make\" ASC NULLS FIRST, \"name\" DESC NULLS LAST, \":seq\" ASC LIMIT $1 OFFSET $2",
            1000L, 0L),
        new("having and order by use select aliases",
            new SoqlRequest { Select = "make, count(*) AS n", Group = "make", Having = "n > 1 AND max(v_max) < 100", Order = "n desc" },
            $"SELECT \"make\", CAST(count(*) AS DOUBLE) FROM {T} GROUP BY \"make\" HAVING ((CAST(count(*) AS DOUBLE) > $1) AND (max(\"v_max\") < $2)) ORDER BY CAST(count(*) AS DOUBLE) DESC NULLS FIRST, \"make\" ASC NULLS LAST LIMIT $3 OFFSET $4",
            1d, 100d, 1000L, 0L),
        new("having on an implicit alias",
            new SoqlRequest { Select = "make, count(*)", Group = "make", Having = "count > 5" },
            $"SELECT \"make\", CAST(count(*) AS DOUBLE) FROM {T} GROUP BY \"make\" HAVING (CAST(count(*) AS DOUBLE) > $1) ORDER BY \"make\" ASC NULLS LAST LIMIT $2 OFFSET $3",
            5d, 1000L, 0L),
        new("whole query with search, offset before limit",
            new SoqlRequest { Query = "SELECT make AS m WHERE v_max > 1 ORDER BY m SEARCH 'a' OFFSET 3 LIMIT 2" },
            $"SELECT \"make\" FROM {T} WHERE ((\"v_max\" > $1) AND ({Search})) ORDER BY \"make\" ASC NULLS LAST, \":seq\" ASC LIMIT $3 OFFSET $4",
            1d, "a", 2L, 3L),
        new("search terms are lower-cased and each must match",
            new SoqlRequest { Select = "make", Search = "Red, BIKE" },
            $"SELECT \"make\" FROM {T} WHERE ((contains(lower(\"make\"), $1) OR contains(lower(\"name\"), $1) OR contains(lower(\"website\"), $1)) AND {Search}) {Seq} LIMIT $3 OFFSET $4",
            "red", "bike", 1000L, 0L),
        new("group by expression with a literal shares its placeholders with the select",
            new SoqlRequest { Select = "upper(make) || '-' AS label, count(*)", Group = "label" },
            $"SELECT (upper(\"make\") || $1), CAST(count(*) AS DOUBLE) FROM {T} GROUP BY (upper(\"make\") || $1) ORDER BY (upper(\"make\") || $1) ASC NULLS LAST LIMIT $2 OFFSET $3",
            "-", 1000L, 0L),
        new("null literal is the keyword, not a parameter",
            new SoqlRequest { Select = "make", Where = "make = NULL OR make IS NOT NULL" },
            $"SELECT \"make\" FROM {T} WHERE ((\"make\" = NULL) OR (\"make\" IS NOT NULL)) {Seq} LIMIT $1 OFFSET $2",
            1000L, 0L),
    ];

    public static TheoryData<string> CaseNames() => [.. s_cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Renders_the_expected_sql_and_parameters(string name)
    {
        GoldenCase golden = s_cases.Single(c => c.Name == name);

        SqlStatement statement = Compile.Request(golden.Request).Statement;

        Assert.Equal(golden.Sql, statement.Text);
        Assert.Equal(golden.Parameters, statement.Parameters.Select(parameter => parameter.Value));
    }

    [Fact]
    public void Timestamp_parameters_have_unspecified_kind()
    {
        SqlStatement statement = Compile.Request(new SoqlRequest { Where = "inspected < '2018-01-02T10:00:00Z' AND available > '2018-01-02T03:04'" }).Statement;

        Assert.All(statement.Parameters.Take(2), parameter => Assert.Equal(DateTimeKind.Unspecified, Assert.IsType<DateTime>(parameter.Value).Kind));
    }

    private sealed record GoldenCase(string Name, SoqlRequest Request, string Sql, params object?[] Parameters);
}
