using System.Net;
using System.Text.Json;

namespace CivicData.Web.Tests.Ckan;

/// <summary>
/// datastore_search_sql (ckan.md §5.2): one SELECT over one visible resource runs, translated to SoQL; everything else
/// is refused with CKAN's error shape and never reaches the engine.
/// </summary>
[Collection(CkanCollection.Name)]
public sealed class CkanDatastoreSqlTests(CkanFixture fixture)
{
    private static readonly Lazy<List<Dictionary<string, string>>> s_rows = new(() => TestCsv.Read(SharedData.Inspections));

    private static List<Dictionary<string, string>> Rows => s_rows.Value;

    private Task<(HttpStatusCode Status, JsonElement Body)> SqlAsync(string sql) =>
        CkanCalls.GetAsync(fixture.Client, "/api/3/action/datastore_search_sql?sql=" + Uri.EscapeDataString(sql));

    [Fact]
    public async Task Group_by_counts_match_the_file()
    {
        (HttpStatusCode status, JsonElement body) = await SqlAsync("""SELECT "type", count(*) AS n FROM "sfin-test" WHERE score >= 90 GROUP BY "type" ORDER BY n DESC""");

        Assert.Equal(HttpStatusCode.OK, status);
        JsonElement result = body.GetProperty("result");
        Assert.Equal(["type:text", "n:numeric"], result.GetProperty("fields").EnumerateArray().Select(field => field.GetProperty("id").GetString() + ":" + field.GetProperty("type").GetString()));
        var expected = Rows.Where(row => decimal.Parse(row["score"], System.Globalization.CultureInfo.InvariantCulture) >= 90)
            .GroupBy(row => row["type"]).OrderByDescending(group => group.Count()).Select(group => (group.Key, group.Count())).ToList();
        Assert.Equal(expected, result.GetProperty("records").EnumerateArray().Select(record => (record.GetProperty("type").GetString()!, record.GetProperty("n").GetInt32())));
        Assert.False(result.TryGetProperty("records_truncated", out _));
    }

    [Fact]
    public async Task Select_star_includes_id_and_strings_may_hold_semicolons()
    {
        (HttpStatusCode star, JsonElement all) = await SqlAsync("""SELECT * FROM "sfin-test" ORDER BY "_id" LIMIT 2 OFFSET 1""");
        (HttpStatusCode quoted, JsonElement none) = await SqlAsync("""SELECT "_id" FROM "sfin-test" WHERE "type" = 'x''; DROP TABLE y; --'""");

        Assert.Equal(HttpStatusCode.OK, star);
        JsonElement records = all.GetProperty("result").GetProperty("records");
        Assert.Equal([2L, 3L], records.EnumerateArray().Select(record => record.GetProperty("_id").GetInt64()));
        Assert.Equal(["_id", "business_id", "score", "date", "type"], records[0].EnumerateObject().Select(property => property.Name));
        Assert.Equal(HttpStatusCode.OK, quoted);
        Assert.Equal(0, none.GetProperty("result").GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task Soql_functions_are_allowed()
    {
        (HttpStatusCode status, JsonElement body) = await SqlAsync("""SELECT upper("type") AS t, max(score) AS top FROM "sfin-test" GROUP BY upper("type") HAVING count(*) > 1""");

        Assert.Equal(HttpStatusCode.OK, status);
        JsonElement record = body.GetProperty("result").GetProperty("records").EnumerateArray().Single();
        Assert.Equal("ROUTINE", record.GetProperty("t").GetString());
    }

    [Theory]
    [InlineData("""SELECT * FROM "sfin-test"; DROP TABLE x""", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""SELECT * FROM "sfin-test";""", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""SELECT * FROM "sfin-test" -- hidden""", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""SELECT * /* x */ FROM "sfin-test" """, HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""SELECT * FROM "sfin-test" JOIN "la31-test" ON 1 = 1""", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""SELECT * FROM "sfin-test", "la31-test" """, HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""SELECT * FROM "sfin-test" UNION SELECT * FROM "la31-test" """, HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""WITH x AS (SELECT 1) SELECT * FROM x""", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""SELECT (SELECT count(*) FROM "priv-test") FROM "sfin-test" """, HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""SELECT * FROM "sfin-test" WHERE score IN (SELECT score FROM "priv-test")""", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""SELECT * FROM "sfin-test" AS s""", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""SELECT E'\x41' FROM "sfin-test" """, HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""SELECT $$x$$ FROM "sfin-test" """, HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""SELECT "nope" FROM "sfin-test" """, HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""SELECT score FROM "sfin-test" WHERE""", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""SELECT 1""", HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""EXPLAIN SELECT * FROM "sfin-test" """, HttpStatusCode.Conflict, "Validation Error")]
    [InlineData("""DELETE FROM "sfin-test" """, HttpStatusCode.Forbidden, "Authorization Error")]
    [InlineData("""INSERT INTO "sfin-test" VALUES (1)""", HttpStatusCode.Forbidden, "Authorization Error")]
    [InlineData("""SELECT * INTO copy FROM "sfin-test" """, HttpStatusCode.Forbidden, "Authorization Error")]
    [InlineData("""COPY "sfin-test" TO '/tmp/x'""", HttpStatusCode.Forbidden, "Authorization Error")]
    [InlineData("""ATTACH '/tmp/x.db' AS x""", HttpStatusCode.Forbidden, "Authorization Error")]
    [InlineData("""SELECT * FROM "priv-test" """, HttpStatusCode.Forbidden, "Authorization Error")]
    [InlineData("""SELECT * FROM "drft-test" """, HttpStatusCode.Forbidden, "Authorization Error")]
    [InlineData("""SELECT * FROM "zzzz-9999" """, HttpStatusCode.Forbidden, "Authorization Error")]
    [InlineData("""SELECT * FROM sqlite_master""", HttpStatusCode.Forbidden, "Authorization Error")]
    [InlineData("""SELECT * FROM "sqlite_master" """, HttpStatusCode.Forbidden, "Authorization Error")]
    [InlineData("""SELECT * FROM information_schema.tables""", HttpStatusCode.Forbidden, "Authorization Error")]
    [InlineData("""SELECT * FROM pg_catalog.pg_tables""", HttpStatusCode.Forbidden, "Authorization Error")]
    [InlineData("""SELECT * FROM duckdb_tables()""", HttpStatusCode.Forbidden, "Authorization Error")]
    [InlineData("""SELECT read_csv('/etc/passwd') FROM "sfin-test" """, HttpStatusCode.Forbidden, "Authorization Error")]
    [InlineData("""SELECT pg_sleep(10) FROM "sfin-test" """, HttpStatusCode.Forbidden, "Authorization Error")]
    [InlineData("""SELECT "lower"("type") FROM "sfin-test" """, HttpStatusCode.Forbidden, "Authorization Error")]
    public async Task Anything_but_one_select_over_one_visible_resource_is_refused(string sql, HttpStatusCode expected, string type)
    {
        (HttpStatusCode status, JsonElement body) = await SqlAsync(sql);

        Assert.Equal(expected, status);
        Assert.False(body.GetProperty("success").GetBoolean());
        JsonElement error = body.GetProperty("error");
        Assert.Equal(type, error.GetProperty("__type").GetString());
        if (type == "Validation Error")
        {
            Assert.Equal(JsonValueKind.Array, error.GetProperty("query").ValueKind);
        }
        else
        {
            Assert.StartsWith("Access denied", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Two_statements_are_reported_as_not_a_single_statement()
    {
        (_, JsonElement body) = await SqlAsync("""SELECT 1 FROM "sfin-test"; SELECT 2 FROM "sfin-test" """);

        Assert.Equal(["Query is not a single statement."], CkanCalls.Strings(body.GetProperty("error").GetProperty("query")));
    }

    [Fact]
    public async Task Missing_sql_is_a_validation_error()
    {
        (HttpStatusCode status, JsonElement error) = await CkanCalls.ErrorAsync(fixture.Client, "/api/3/action/datastore_search_sql");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(["Missing value"], CkanCalls.Strings(error.GetProperty("sql")));
    }

    [Fact]
    public async Task Hostile_inputs_as_sql_or_inside_strings_never_fail_with_a_500()
    {
        foreach (string input in HostileCorpus.Inputs.Take(300))
        {
            (HttpStatusCode raw, JsonElement rawBody) = await SqlAsync(input);
            Assert.True((int)raw is 400 or 403 or 409, $"sql={input} answered {(int)raw}");
            Assert.Equal(JsonValueKind.Object, rawBody.GetProperty("error").ValueKind);

            string literal = "'" + input.Replace("'", "''", StringComparison.Ordinal) + "'";
            (HttpStatusCode inString, JsonElement body) = await SqlAsync($"""SELECT count(*) AS n FROM "sfin-test" WHERE "type" = {literal}""");
            Assert.True((int)inString is 200 or 409, $"literal {input} answered {(int)inString}");
            if (inString == HttpStatusCode.OK)
            {
                Assert.Equal(Rows.Count(row => row["type"] == input), body.GetProperty("result").GetProperty("records")[0].GetProperty("n").GetInt32());
            }
        }
    }
}
