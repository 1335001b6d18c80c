using System.Net;
using System.Text.Json;

namespace CivicData.Web.Tests.Ckan;

/// <summary>package_search (ckan.md §4.4): q, fq in the Solr subset, paging, sort, facets and the error shapes.</summary>
[Collection(CkanCollection.Name)]
public sealed class CkanPackageSearchTests(CkanFixture fixture)
{
    private const string Search = "/api/3/action/package_search";

    [Fact]
    public async Task Without_parameters_it_counts_every_public_dataset()
    {
        JsonElement result = await CkanCalls.ResultAsync(fixture.Client, Search + "?include_private=true&include_drafts=true&rows=1000");

        Assert.Equal(3, result.GetProperty("count").GetInt32());
        Assert.Equal(["la31-test", "lacd-test", "sfin-test"], CkanCalls.Ids(result.GetProperty("results")).Order(StringComparer.Ordinal));
        Assert.Equal("score desc, metadata_modified desc", result.GetProperty("sort").GetString());
    }

    [Theory]
    [InlineData("q=restaurant", new[] { "sfin-test" })]
    [InlineData("q=inspection", new[] { "sfin-test" })]
    [InlineData("fq=organization:public-health", new[] { "sfin-test" })]
    [InlineData("fq=owner_org:city-planning", new[] { "lacd-test" })]
    [InlineData("fq=-organization:public-health", new[] { "la31-test", "lacd-test" })]
    [InlineData("fq=organization:city-planning OR organization:public-health", new[] { "lacd-test", "sfin-test" })]
    [InlineData("fq=organization:(city-planning OR public-health)", new[] { "lacd-test", "sfin-test" })]
    [InlineData("fq=-organization:city-planning -organization:public-health", new[] { "la31-test" })]
    [InlineData("fq=groups:health", new[] { "sfin-test" })]
    [InlineData("fq=tags:maps", new[] { "lacd-test" })]
    [InlineData("fq=tags:\"service requests\"", new[] { "la31-test" })]
    [InlineData("fq=tags:maps OR tags:311", new[] { "la31-test", "lacd-test" })]
    [InlineData("fq=+tags:maps +groups:boundaries", new[] { "lacd-test" })]
    [InlineData("fq=tags:maps AND groups:health", new string[0])]
    [InlineData("fq=license_id:odc-pddl", new[] { "sfin-test" })]
    [InlineData("fq=name:la31-test", new[] { "la31-test" })]
    [InlineData("fq=id:(la31-test OR sfin-test)", new[] { "la31-test", "sfin-test" })]
    [InlineData("fq=res_format:CSV", new[] { "la31-test", "lacd-test", "sfin-test" })]
    [InlineData("fq=res_format:XLSX", new string[0])]
    [InlineData("fq=state:active type:dataset", new[] { "la31-test", "lacd-test", "sfin-test" })]
    [InlineData("fq=capacity:public", new[] { "la31-test", "lacd-test", "sfin-test" })]
    [InlineData("q=organization:public-health", new[] { "sfin-test" })]
    [InlineData("q=*:*", new[] { "la31-test", "lacd-test", "sfin-test" })]
    [InlineData("fq=tags:secret-tag", new string[0])]
    [InlineData("fq=organization:internal-audit", new string[0])]
    [InlineData("q=legend", new string[0])]
    [InlineData("q=budget&include_private=true", new string[0])]
    [InlineData("fq=metadata_modified:[2000-01-01T00:00:00Z TO *]", new[] { "la31-test", "lacd-test", "sfin-test" })]
    [InlineData("fq=metadata_modified:[* TO NOW]", new[] { "la31-test", "lacd-test", "sfin-test" })]
    [InlineData("fq=metadata_modified:[NOW-1DAY TO NOW%2B1DAY]", new[] { "la31-test", "lacd-test", "sfin-test" })]
    [InlineData("fq=metadata_modified:[NOW/DAY%2B1DAY TO *]", new string[0])]
    [InlineData("fq=metadata_modified:{* TO 2000-01-01T10:00:00.123456Z}", new string[0])]
    [InlineData("fq=metadata_created:[2000-01-01 TO *]", new[] { "la31-test", "lacd-test", "sfin-test" })]
    public async Task Q_and_fq_select_the_expected_datasets(string query, string[] expected)
    {
        JsonElement result = await CkanCalls.ResultAsync(fixture.Client, Search + "?sort=id%20asc&rows=100&" + query);

        Assert.Equal(expected, CkanCalls.Ids(result.GetProperty("results")));
        Assert.Equal(expected.Length, result.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Start_and_rows_page_in_sort_order()
    {
        JsonElement first = await CkanCalls.ResultAsync(fixture.Client, Search + "?sort=id%20asc&rows=2");
        JsonElement second = await CkanCalls.ResultAsync(fixture.Client, Search + "?sort=id%20asc&rows=2&start=2");
        JsonElement past = await CkanCalls.ResultAsync(fixture.Client, Search + "?sort=id%20asc&rows=2&start=4");
        JsonElement descending = await CkanCalls.ResultAsync(fixture.Client, Search + "?sort=name%20desc&rows=5000");

        Assert.Equal(["la31-test", "lacd-test"], CkanCalls.Ids(first.GetProperty("results")));
        Assert.Equal(["sfin-test"], CkanCalls.Ids(second.GetProperty("results")));
        Assert.Equal(0, past.GetProperty("results").GetArrayLength());
        Assert.Equal(3, past.GetProperty("count").GetInt32());
        Assert.Equal(["sfin-test", "lacd-test", "la31-test"], CkanCalls.Ids(descending.GetProperty("results")));
    }

    [Fact]
    public async Task Rows_zero_returns_only_the_count_and_facets()
    {
        JsonElement result = await CkanCalls.ResultAsync(fixture.Client, Search + "?rows=0&facet.field=%5B%22organization%22%5D");

        Assert.Equal(0, result.GetProperty("results").GetArrayLength());
        Assert.Equal(3, result.GetProperty("count").GetInt32());
        Assert.Equal(3, result.GetProperty("facets").GetProperty("organization").EnumerateObject().Count());
    }

    [Fact]
    public async Task Results_carry_full_dataset_dicts_with_resources()
    {
        JsonElement result = await CkanCalls.ResultAsync(fixture.Client, Search + "?fq=name:sfin-test");
        JsonElement package = result.GetProperty("results")[0];

        Assert.Equal("Restaurant Inspection Scores, San Francisco", package.GetProperty("title").GetString());
        Assert.True(package.GetProperty("resources")[0].GetProperty("datastore_active").GetBoolean());
        Assert.Equal("public-health", package.GetProperty("organization").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Facets_count_matches_per_value_in_both_shapes()
    {
        JsonElement result = await CkanCalls.ResultAsync(fixture.Client, Search + "?facet.field=%5B%22groups%22,%22tags%22%5D&facet.limit=-1");
        JsonElement limited = await CkanCalls.ResultAsync(fixture.Client, Search + "?facet.field=%5B%22groups%22%5D&facet.limit=2");

        JsonElement groups = result.GetProperty("facets").GetProperty("groups");
        Assert.Equal(1, groups.GetProperty("health").GetInt32());
        Assert.Equal(3, groups.EnumerateObject().Count());
        Assert.Equal(2, limited.GetProperty("facets").GetProperty("groups").EnumerateObject().Count());
        JsonElement items = result.GetProperty("search_facets").GetProperty("groups").GetProperty("items");
        Assert.Equal("groups", result.GetProperty("search_facets").GetProperty("groups").GetProperty("title").GetString());
        Assert.Contains(items.EnumerateArray(), item => item.GetProperty("name").GetString() == "boundaries" && item.GetProperty("display_name").GetString() == "Boundaries");
        Assert.DoesNotContain("secret-tag", result.GetProperty("facets").GetProperty("tags").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Fl_cuts_results_down_to_the_named_fields()
    {
        JsonElement result = await CkanCalls.ResultAsync(fixture.Client, Search + "?fl=id,title&sort=id%20asc&rows=1");

        Assert.Equal(["id", "title"], result.GetProperty("results")[0].EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public async Task Post_form_of_the_harvester_query_works()
    {
        (HttpStatusCode status, JsonElement body) = await CkanCalls.PostAsync(fixture.Client, "/api/action/package_search",
            """{"fq": "metadata_modified:[2001-05-01T09:13:22.123456Z TO *] -organization:city-planning", "rows": 100, "start": 0, "sort": "id asc"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["la31-test", "sfin-test"], CkanCalls.Ids(body.GetProperty("result").GetProperty("results")));
    }

    [Theory]
    [InlineData("sort=name", "Search Query Error", HttpStatusCode.BadRequest)]
    [InlineData("sort=views%20sideways", "Search Query Error", HttpStatusCode.BadRequest)]
    [InlineData("sort=popularity%20desc", "Search Query Error", HttpStatusCode.BadRequest)]
    [InlineData("bogus=1", "Search Query Error", HttpStatusCode.BadRequest)]
    [InlineData("fq=organization:(a", "Search Query Error", HttpStatusCode.BadRequest)]
    [InlineData("fq=metadata_modified:[yesterday TO *]", "Search Query Error", HttpStatusCode.BadRequest)]
    [InlineData("fq=author:someone", "Search Query Error", HttpStatusCode.BadRequest)]
    [InlineData("fq=(tags:a AND groups:b) OR tags:c", "Search Query Error", HttpStatusCode.BadRequest)]
    [InlineData("q={!lucene}name:x", "Search Error", HttpStatusCode.Conflict)]
    [InlineData("fq={!frange l=0}x", "Search Error", HttpStatusCode.Conflict)]
    [InlineData("facet.field=notjson", "Validation Error", HttpStatusCode.Conflict)]
    [InlineData("rows=-5", "Validation Error", HttpStatusCode.Conflict)]
    public async Task Bad_searches_get_ckan_error_types(string query, string type, HttpStatusCode expected)
    {
        (HttpStatusCode status, JsonElement error) = await CkanCalls.ErrorAsync(fixture.Client, Search + "?" + query);

        Assert.Equal(expected, status);
        Assert.Equal(type, error.GetProperty("__type").GetString());
        if (type == "Search Query Error")
        {
            Assert.StartsWith("Search Query is invalid: ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hostile_q_and_fq_never_fail_with_a_500_and_never_reveal_hidden_datasets()
    {
        foreach (string input in HostileCorpus.Inputs.Take(400))
        {
            foreach (string parameter in new[] { "q", "fq", "sort", "facet.field" })
            {
                string path = Search + "?include_private=true&rows=1000&" + parameter + "=" + Uri.EscapeDataString(input);
                (HttpStatusCode status, JsonElement body) = await CkanCalls.GetAsync(fixture.Client, path);
                Assert.True((int)status is 200 or 400 or 409, $"{parameter}={input} answered {(int)status}");
                if (status == HttpStatusCode.OK)
                {
                    Assert.DoesNotContain(CkanCalls.Ids(body.GetProperty("result").GetProperty("results")), id => id is CkanFixture.Private or CkanFixture.Draft);
                }
                else
                {
                    Assert.Equal(JsonValueKind.Object, body.GetProperty("error").ValueKind);
                }
            }
        }
    }
}
