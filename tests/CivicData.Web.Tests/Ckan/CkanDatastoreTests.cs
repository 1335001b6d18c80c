using System.Globalization;
using System.Net;
using System.Text.Json;

namespace CivicData.Web.Tests.Ckan;

/// <summary>
/// datastore_search and datastore_info (ckan.md §5.1, §5.3) over the fixture's inspections; expected values are
/// counted from the CSV file by the tests' own reader.
/// </summary>
[Collection(CkanCollection.Name)]
public sealed class CkanDatastoreTests(CkanFixture fixture)
{
    private const string Search = "/api/3/action/datastore_search?resource_id=sfin-test";

    private static readonly Lazy<List<Dictionary<string, string>>> s_rows = new(() => TestCsv.Read(SharedData.Inspections));

    private static List<Dictionary<string, string>> Rows => s_rows.Value;

    private static string Json(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task Default_search_returns_100_records_the_total_and_ckan_field_types()
    {
        JsonElement result = await CkanCalls.ResultAsync(fixture.Client, Search);

        Assert.Equal(Rows.Count, result.GetProperty("total").GetInt32());
        Assert.False(result.GetProperty("total_was_estimated").GetBoolean());
        Assert.Equal(100, result.GetProperty("records").GetArrayLength());
        Assert.Equal(100, result.GetProperty("limit").GetInt32());
        Assert.Equal(
            ["_id:int", "business_id:numeric", "score:numeric", "date:timestamp", "type:text"],
            [.. result.GetProperty("fields").EnumerateArray().Select(field => field.GetProperty("id").GetString() + ":" + field.GetProperty("type").GetString())]);

        // Records come in _id order, which is file order: the first row of the CSV is _id 1.
        JsonElement first = result.GetProperty("records")[0];
        Assert.Equal(1, first.GetProperty("_id").GetInt64());
        Assert.Equal(decimal.Parse(Rows[0]["score"], CultureInfo.InvariantCulture), first.GetProperty("score").GetDecimal());
        Assert.Equal(Rows[0]["type"], first.GetProperty("type").GetString());
        string date = Rows[0]["date"];
        Assert.Equal($"{date[..4]}-{date[4..6]}-{date[6..8]}T00:00:00", first.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Links_point_at_the_start_and_the_next_page()
    {
        JsonElement result = await CkanCalls.ResultAsync(fixture.Client, Search + "&limit=10&offset=20");
        JsonElement links = result.GetProperty("_links");

        Assert.DoesNotContain("offset", links.GetProperty("start").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("/api/3/action/datastore_search?", links.GetProperty("next").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("offset=30", links.GetProperty("next").GetString(), StringComparison.Ordinal);

        JsonElement next = await CkanCalls.ResultAsync(fixture.Client, links.GetProperty("next").GetString()!);
        Assert.Equal(31, next.GetProperty("records")[0].GetProperty("_id").GetInt64());
    }

    [Fact]
    public async Task Filters_select_equal_values_and_lists()
    {
        JsonElement one = await CkanCalls.ResultAsync(fixture.Client, Search + "&filters=" + Json("""{"type": "complaint"}"""));
        JsonElement list = await CkanCalls.ResultAsync(fixture.Client, Search + "&limit=0&filters=" + Json("""{"score": [90, "91"]}"""));

        Assert.Equal(Rows.Count(row => row["type"] == "complaint"), one.GetProperty("total").GetInt32());
        Assert.All(one.GetProperty("records").EnumerateArray(), record => Assert.Equal("complaint", record.GetProperty("type").GetString()));
        Assert.Equal(Rows.Count(row => row["score"] is "90" or "91"), list.GetProperty("total").GetInt32());
        Assert.Equal(0, list.GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task Filter_on_id_finds_that_row()
    {
        JsonElement result = await CkanCalls.ResultAsync(fixture.Client, Search + "&filters=" + Json("""{"_id": 3}"""));

        JsonElement record = result.GetProperty("records").EnumerateArray().Single();
        Assert.Equal(3, record.GetProperty("_id").GetInt64());
        Assert.Equal(Rows[2]["business_id"], record.GetProperty("business_id").GetRawText());
    }

    [Fact]
    public async Task Q_searches_all_text_or_one_column()
    {
        JsonElement all = await CkanCalls.ResultAsync(fixture.Client, Search + "&q=complaint");
        JsonElement column = await CkanCalls.ResultAsync(fixture.Client, Search + "&limit=0&q=" + Json("""{"type": "rout"}"""));

        Assert.Equal(Rows.Count(row => row["type"].Contains("complaint", StringComparison.OrdinalIgnoreCase)), all.GetProperty("total").GetInt32());
        Assert.Equal(Rows.Count(row => row["type"].Contains("rout", StringComparison.OrdinalIgnoreCase)), column.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Fields_sort_and_distinct_shape_the_records()
    {
        JsonElement distinct = await CkanCalls.ResultAsync(fixture.Client, Search + "&fields=type&distinct=true&sort=type%20asc");
        JsonElement sorted = await CkanCalls.ResultAsync(fixture.Client, Search + "&fields=score,_id&sort=" + Json("\"score\" desc, _id asc") + "&limit=1");

        Assert.Equal(Rows.Select(row => row["type"]).Distinct().Order(StringComparer.Ordinal), distinct.GetProperty("records").EnumerateArray().Select(record => record.GetProperty("type").GetString()!));
        Assert.Equal(Rows.Select(row => row["type"]).Distinct().Count(), distinct.GetProperty("total").GetInt32());
        JsonElement top = sorted.GetProperty("records")[0];
        Assert.Equal(["score", "_id"], top.EnumerateObject().Select(property => property.Name));
        Assert.Equal(Rows.Max(row => decimal.Parse(row["score"], CultureInfo.InvariantCulture)), top.GetProperty("score").GetDecimal());
        Assert.Equal(Rows.FindIndex(row => decimal.Parse(row["score"], CultureInfo.InvariantCulture) == top.GetProperty("score").GetDecimal()) + 1, top.GetProperty("_id").GetInt64());
    }

    [Fact]
    public async Task Limit_is_clamped_to_32000_and_offset_pages()
    {
        JsonElement big = await CkanCalls.ResultAsync(fixture.Client, Search + "&limit=50000&fields=_id&include_total=false");
        JsonElement tail = await CkanCalls.ResultAsync(fixture.Client, Search + $"&offset={Rows.Count - 3}");

        Assert.Equal(32000, big.GetProperty("limit").GetInt32());
        Assert.Equal(Rows.Count, big.GetProperty("records").GetArrayLength());
        Assert.False(big.TryGetProperty("total", out _));
        Assert.Equal(3, tail.GetProperty("records").GetArrayLength());
        Assert.Equal(Rows.Count, tail.GetProperty("records")[2].GetProperty("_id").GetInt64());
    }

    [Fact]
    public async Task Records_formats_lists_csv_and_tsv()
    {
        JsonElement lists = await CkanCalls.ResultAsync(fixture.Client, Search + "&records_format=lists&limit=2&fields=_id,type");
        JsonElement csv = await CkanCalls.ResultAsync(fixture.Client, Search + "&records_format=csv&limit=2&fields=_id,score,type");
        JsonElement tsv = await CkanCalls.ResultAsync(fixture.Client, Search + "&records_format=tsv&limit=1&fields=_id,type");

        Assert.Equal($"[[1,\"{Rows[0]["type"]}\"],[2,\"{Rows[1]["type"]}\"]]", lists.GetProperty("records").GetRawText());
        Assert.Equal($"1,{Rows[0]["score"]},{Rows[0]["type"]}\n2,{Rows[1]["score"]},{Rows[1]["type"]}\n", csv.GetProperty("records").GetString());
        Assert.Equal($"1\t{Rows[0]["type"]}\n", tsv.GetProperty("records").GetString());
    }

    [Fact]
    public async Task Post_with_json_filters_works_like_get()
    {
        (HttpStatusCode status, JsonElement body) = await CkanCalls.PostAsync(fixture.Client, "/api/action/datastore_search",
            """{"resource_id": "sfin-test", "filters": {"type": ["complaint"]}, "limit": 5, "include_total": true}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Rows.Count(row => row["type"] == "complaint"), body.GetProperty("result").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("&filters=%7B%22nope%22%3A1%7D", "filters")]
    [InlineData("&filters=abc", "filters")]
    [InlineData("&filters=%7B%22score%22%3A%22abc%22%7D", "filters")]
    [InlineData("&fields=score,nope", "fields")]
    [InlineData("&sort=nope%20desc", "sort")]
    [InlineData("&sort=score%20sideways", "sort")]
    [InlineData("&limit=-1", "limit")]
    [InlineData("&offset=x", "offset")]
    [InlineData("&records_format=xml", "records_format")]
    [InlineData("&bogus=1", "bogus")]
    [InlineData("&plain=false", "plain")]
    public async Task Bad_parameters_are_validation_errors_keyed_by_the_parameter(string query, string key)
    {
        (HttpStatusCode status, JsonElement error) = await CkanCalls.ErrorAsync(fixture.Client, Search + query);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Validation Error", error.GetProperty("__type").GetString());
        Assert.Equal(JsonValueKind.Array, error.GetProperty(key).ValueKind);
    }

    [Fact]
    public async Task Missing_resource_id_is_a_validation_error()
    {
        (HttpStatusCode status, JsonElement error) = await CkanCalls.ErrorAsync(fixture.Client, "/api/3/action/datastore_search");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(["Missing value"], CkanCalls.Strings(error.GetProperty("resource_id")));
    }

    [Theory]
    [InlineData("datastore_search", "zzzz-9999")]
    [InlineData("datastore_search", "priv-test")]
    [InlineData("datastore_search", "drft-test")]
    [InlineData("datastore_search", "sfin-test.json")]
    [InlineData("datastore_info", "priv-test")]
    [InlineData("datastore_info", "drft-test")]
    public async Task Unknown_private_draft_and_download_resources_are_not_found(string action, string id)
    {
        (HttpStatusCode status, JsonElement error) = await CkanCalls.ErrorAsync(fixture.Client, $"/api/3/action/{action}?resource_id={id}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Not Found Error", error.GetProperty("__type").GetString());
        Assert.Equal($"Not found: Resource \"{id}\" was not found.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Datastore_info_gives_the_row_count_and_columns_without_id()
    {
        JsonElement info = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/datastore_info?id=sfin-test");

        Assert.Equal(Rows.Count, info.GetProperty("meta").GetProperty("count").GetInt32());
        Assert.Equal("BASE TABLE", info.GetProperty("meta").GetProperty("table_type").GetString());
        Assert.Equal(["business_id", "score", "date", "type"], info.GetProperty("fields").EnumerateArray().Select(field => field.GetProperty("id").GetString()!));
        Assert.Equal("timestamp", info.GetProperty("fields")[2].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Hostile_filter_values_and_q_are_only_ever_values()
    {
        foreach (string input in HostileCorpus.Inputs.Take(300))
        {
            string filters = JsonSerializer.Serialize(new Dictionary<string, string> { ["type"] = input });
            foreach (string query in new[] { "&filters=" + Json(filters), "&q=" + Json(input), "&sort=" + Json(input), "&fields=" + Json(input) })
            {
                (HttpStatusCode status, JsonElement body) = await CkanCalls.GetAsync(fixture.Client, Search + "&limit=5" + query);
                Assert.True((int)status is 200 or 409, $"{query} answered {(int)status}");
                if (status == HttpStatusCode.OK && query.StartsWith("&filters", StringComparison.Ordinal))
                {
                    Assert.Equal(Rows.Count(row => row["type"] == input), body.GetProperty("result").GetProperty("total").GetInt32());
                }
            }
        }
    }
}
