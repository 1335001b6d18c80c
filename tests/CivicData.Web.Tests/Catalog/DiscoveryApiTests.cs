using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CivicData.Catalog.Accounts;
using CivicData.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CivicData.Web.Tests.Catalog;

/// <summary>
/// Socrata's Discovery API over a real socket. Expected values come from the fixture's publish requests (titles,
/// categories, tags, licences) and from /api/views, never from the code under test. Other tests may add public
/// datasets to the shared fixture, so list assertions are scoped with ids= or check membership.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DiscoveryApiTests(PortalFixture portal)
{
    private static readonly string s_la = PortalFixture.La311.Value;
    private static readonly string s_sf = PortalFixture.SfInspections.Value;
    private static readonly string s_cd = PortalFixture.CouncilDistricts.Value;
    private static readonly string s_private = PortalFixture.PrivateLegend.Value;
    private static readonly string s_draft = PortalFixture.DraftPermits.Value;

    /// <summary>The fixture's three public datasets, so a list can be narrowed to what these tests know.</summary>
    private static readonly string s_fixtureIds = $"ids={s_la},{s_sf},{s_cd},{s_private},{s_draft}";

    private static readonly string[] s_resourceKeys =
    [
        "name", "id", "parent_fxf", "description", "attribution", "attribution_link", "contact_email", "type", "updatedAt",
        "createdAt", "metadata_updated_at", "data_updated_at", "page_views", "columns_name", "columns_field_name",
        "columns_datatype", "columns_description", "columns_format", "download_count", "provenance", "lens_view_type",
        "publication_date",
    ];

    [Fact]
    public async Task A_search_without_filters_lists_public_datasets_only_with_an_exact_result_set_size()
    {
        JsonElement answer = await GetJsonAsync("/api/catalog/v1");

        string[] ids = Ids(answer);
        Assert.Superset(new HashSet<string> { s_la, s_sf, s_cd }, ids.ToHashSet());
        Assert.DoesNotContain(s_private, ids);
        Assert.DoesNotContain(s_draft, ids);
        Assert.Equal(ids.Length, answer.GetProperty("resultSetSize").GetInt32());
        Assert.Equal(JsonValueKind.Array, answer.GetProperty("warnings").ValueKind);
        Assert.True(answer.GetProperty("timings").GetProperty("serviceMillis").GetInt64() >= 0);
        Assert.Equal(2, answer.GetProperty("timings").GetProperty("searchMillis").GetArrayLength());
    }

    [Fact]
    public async Task A_result_has_socratas_shape_and_the_datasets_metadata()
    {
        JsonElement view = await GetJsonAsync($"/api/views/{s_la}.json");
        JsonElement result = (await GetJsonAsync($"/api/catalog/v1?ids={s_la}")).GetProperty("results").EnumerateArray().Single();
        string origin = portal.BaseAddress.GetLeftPart(UriPartial.Authority);

        JsonElement resource = result.GetProperty("resource");
        Assert.Equal(s_resourceKeys.Order(StringComparer.Ordinal), resource.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(PortalFixture.La311Title, resource.GetProperty("name").GetString());
        Assert.Equal(s_la, resource.GetProperty("id").GetString());
        Assert.Equal("dataset", resource.GetProperty("type").GetString());
        Assert.Equal("City of Los Angeles", resource.GetProperty("attribution").GetString());
        Assert.Equal("official", resource.GetProperty("provenance").GetString());
        Assert.Equal("tabular", resource.GetProperty("lens_view_type").GetString());
        Assert.Equal(0, resource.GetProperty("page_views").GetProperty("page_views_total").GetInt32());
        JsonElement[] columns = [.. view.GetProperty("columns").EnumerateArray()];
        Assert.Equal(columns.Select(c => c.GetProperty("fieldName").GetString()), Strings(resource.GetProperty("columns_field_name")));
        Assert.Equal(columns.Select(c => c.GetProperty("name").GetString()), Strings(resource.GetProperty("columns_name")));
        Assert.Equal("Text", Strings(resource.GetProperty("columns_datatype"))[0]);
        Assert.Equal(columns.Length, resource.GetProperty("columns_format").GetArrayLength());
        Assert.Equal(view.GetProperty("createdAt").GetInt64(), Seconds(resource.GetProperty("createdAt")));
        Assert.Equal(view.GetProperty("rowsUpdatedAt").GetInt64(), Seconds(resource.GetProperty("data_updated_at")));
        Assert.Equal(view.GetProperty("viewLastModified").GetInt64(), Seconds(resource.GetProperty("metadata_updated_at")));

        JsonElement classification = result.GetProperty("classification");
        Assert.Empty(classification.GetProperty("categories").EnumerateArray());
        Assert.Empty(classification.GetProperty("tags").EnumerateArray());
        Assert.Equal("City Services", classification.GetProperty("domain_category").GetString());
        Assert.Equal(["311", "service requests"], Strings(classification.GetProperty("domain_tags")));
        // Other custom fields (the Common Core set) may sit beside it, depending on what the dataset's metadata holds.
        JsonElement department = classification.GetProperty("domain_metadata").EnumerateArray()
            .Single(entry => entry.GetProperty("key").GetString() == "Dataset-Information_Department");
        Assert.Equal("Information Technology Agency", department.GetProperty("value").GetString());

        JsonElement metadata = result.GetProperty("metadata");
        Assert.Equal(portal.BaseAddress.Authority, metadata.GetProperty("domain").GetString());
        Assert.Equal("Public Domain", metadata.GetProperty("license").GetString());
        Assert.True(metadata.GetProperty("is_public").GetBoolean());
        Assert.True(metadata.GetProperty("is_published").GetBoolean());
        Assert.False(metadata.GetProperty("is_hidden").GetBoolean());
        Assert.True(metadata.GetProperty("visible_to_anonymous").GetBoolean());

        Assert.Equal($"{origin}/d/{s_la}", result.GetProperty("permalink").GetString());
        Assert.Equal($"{origin}/City-Services/MyLA311-Service-Requests-test/{s_la}", result.GetProperty("link").GetString());
        Assert.Equal(view.GetProperty("owner").GetProperty("id").GetString(), result.GetProperty("owner").GetProperty("id").GetString());
        Assert.Equal("Information Technology Agency", result.GetProperty("owner").GetProperty("display_name").GetString());
        Assert.Equal("interactive", result.GetProperty("owner").GetProperty("user_type").GetString());
        Assert.Equal("Information Technology Agency", result.GetProperty("creator").GetProperty("display_name").GetString());
    }

    [Fact]
    public async Task The_human_link_leads_to_the_dataset_page()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };

        using HttpResponseMessage response = await client.GetAsync($"/City-Services/MyLA311-Service-Requests-test/{s_la}");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/d/{s_la}", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("q=restaurant", new[] { "sfin-test" })]
    [InlineData("q=council districts", new[] { "lacd-test" })]
    [InlineData("q=vendor", new string[0])] // the draft's title
    [InlineData("q=legend", new string[0])] // the private dataset's title
    [InlineData("ids=la31-test,priv-test,drft-test,nope", new[] { "la31-test" })]
    [InlineData("ids=la31-test&ids=lacd-test", new[] { "la31-test", "lacd-test" })]
    [InlineData("categories=health", new[] { "sfin-test" })] // not the private legend
    [InlineData("categories=Health&categories=Boundaries", new[] { "lacd-test", "sfin-test" })]
    [InlineData("categories=Health,Boundaries", new[] { "lacd-test", "sfin-test" })]
    [InlineData("tags=311", new[] { "la31-test" })] // not the draft
    [InlineData("tags=maps&tags=inspections", new[] { "lacd-test", "sfin-test" })]
    [InlineData("tags=map", new string[0])] // exact, not a prefix
    [InlineData("only=datasets", new[] { "la31-test", "lacd-test", "sfin-test" })]
    [InlineData("only=dataset", new[] { "la31-test", "lacd-test", "sfin-test" })]
    [InlineData("only=charts", new string[0])]
    [InlineData("only=map,story", new string[0])]
    [InlineData("only=chart,dataset", new[] { "la31-test", "lacd-test", "sfin-test" })]
    [InlineData("domains=data.elsewhere.gov", new string[0])]
    [InlineData("names=los angeles city council districts (2012)", new[] { "lacd-test" })]
    [InlineData("attribution=City of Los Angeles", new[] { "la31-test" })]
    [InlineData("license=PUBLIC_DOMAIN", new[] { "la31-test" })]
    [InlineData("license=ODC Public Domain Dedication and License (PDDL)", new[] { "sfin-test" })]
    [InlineData("column_names=srnumber", new[] { "la31-test" })]
    [InlineData("column_names=Score,nothing", new[] { "sfin-test" })]
    [InlineData("provenance=official", new[] { "la31-test", "lacd-test", "sfin-test" })]
    [InlineData("provenance=community", new string[0])]
    [InlineData("published=false", new string[0])]
    [InlineData("public=true", new[] { "la31-test", "lacd-test", "sfin-test" })]
    [InlineData("public=false", new string[0])]
    [InlineData("visibility=internal", new string[0])]
    [InlineData("derived=true", new string[0])]
    [InlineData("q=city&categories=boundaries&tags=maps", new[] { "lacd-test" })]
    public async Task Filters_narrow_the_results_and_the_result_set_size(string filter, string[] expected)
    {
        // Repeated ids= add up, so an ids filter replaces the fixture's list instead of joining it.
        string url = filter.StartsWith("ids=", StringComparison.Ordinal) ? $"/api/catalog/v1?{filter}" : $"/api/catalog/v1?{s_fixtureIds}&{filter}";
        JsonElement answer = await GetJsonAsync(url);

        Assert.Equal(expected, Ids(answer).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, answer.GetProperty("resultSetSize").GetInt32());
    }

    [Fact]
    public async Task This_portals_own_domain_matches_with_or_without_its_port_as_sodapy_sends_it()
    {
        JsonElement all = await GetJsonAsync($"/api/catalog/v1?{s_fixtureIds}");
        JsonElement withPort = await GetJsonAsync($"/api/catalog/v1?{s_fixtureIds}&domains={portal.BaseAddress.Authority}&offset=0&limit=100");
        JsonElement withoutPort = await GetJsonAsync($"/api/catalog/v1?{s_fixtureIds}&domains=elsewhere.gov,{portal.BaseAddress.Host}&search_context={portal.BaseAddress.Host}");

        Assert.Equal(3, all.GetProperty("resultSetSize").GetInt32());
        Assert.Equal(Ids(all), Ids(withPort));
        Assert.Equal(Ids(all), Ids(withoutPort));
    }

    [Theory]
    [InlineData("name", new[] { "lacd-test", "la31-test", "sfin-test" })] // Los Angeles…, MyLA311…, Restaurant…
    [InlineData("name ASC", new[] { "lacd-test", "la31-test", "sfin-test" })]
    [InlineData("name+DESC", new[] { "sfin-test", "la31-test", "lacd-test" })]
    [InlineData("dataset_id", new[] { "la31-test", "lacd-test", "sfin-test" })]
    [InlineData("dataset_id DESC", new[] { "sfin-test", "lacd-test", "la31-test" })]
    [InlineData("domain_category", new[] { "lacd-test", "la31-test", "sfin-test" })] // Boundaries, City Services, Health
    [InlineData("domain_category DESC", new[] { "sfin-test", "la31-test", "lacd-test" })]
    [InlineData("createdAt", new[] { "lacd-test", "sfin-test", "la31-test" })] // published la31, sfin, lacd: newest first
    [InlineData("createdAt ASC", new[] { "la31-test", "sfin-test", "lacd-test" })]
    public async Task Results_follow_the_order_asked_for(string order, string[] expected)
    {
        JsonElement answer = await GetJsonAsync($"/api/catalog/v1?{s_fixtureIds}&order={order}");

        Assert.Equal(expected, Ids(answer));
    }

    [Fact]
    public async Task Updated_at_order_is_newest_first_by_the_results_own_times()
    {
        JsonElement answer = await GetJsonAsync($"/api/catalog/v1?{s_fixtureIds}&order=updatedAt");

        string[] times = [.. answer.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("resource").GetProperty("updatedAt").GetString()!)];
        Assert.Equal(times.OrderDescending(StringComparer.Ordinal), times);
    }

    [Fact]
    public async Task Paging_by_one_visits_every_dataset_once_with_a_constant_result_set_size()
    {
        JsonElement all = await GetJsonAsync("/api/catalog/v1?order=dataset_id");
        int size = all.GetProperty("resultSetSize").GetInt32();

        var seen = new List<string>();
        for (int offset = 0; offset < size + 1; offset++)
        {
            JsonElement page = await GetJsonAsync($"/api/catalog/v1?order=dataset_id&limit=1&offset={offset}");
            Assert.Equal(size, page.GetProperty("resultSetSize").GetInt32());
            seen.AddRange(Ids(page));
        }

        JsonElement none = await GetJsonAsync("/api/catalog/v1?limit=0");
        Assert.Equal(Ids(all), seen);
        Assert.Empty(none.GetProperty("results").EnumerateArray());
        Assert.Equal(size, none.GetProperty("resultSetSize").GetInt32());
    }

    [Theory]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("offset=-5", "offset")]
    [InlineData("offset=9990&limit=11", "limit")]
    [InlineData("order=popularity", "order")]
    [InlineData("order=name SIDEWAYS", "order")]
    [InlineData("public=maybe", "public")]
    [InlineData("visibility=secret", "visibility")]
    public async Task Bad_parameters_are_a_400_in_sodas_error_shape(string query, string parameter)
    {
        using HttpResponseMessage response = await portal.Client.GetAsync("/api/catalog/v1?" + query);
        JsonElement error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(error.GetProperty("error").GetBoolean());
        Assert.Equal("invalid_parameter", error.GetProperty("code").GetString());
        Assert.Equal(parameter, error.GetProperty("data").GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task The_largest_window_socrata_allows_is_accepted()
    {
        using HttpResponseMessage response = await portal.Client.GetAsync("/api/catalog/v1?offset=9000&limit=1000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("domain_categories", "domain_category")]
    [InlineData("categories", "category")]
    public async Task Category_counts_cover_public_datasets_only(string endpoint, string key)
    {
        JsonElement answer = await GetJsonAsync($"/api/catalog/v1/{endpoint}?{s_fixtureIds}");

        Dictionary<string, int> counts = Counts(answer, key);
        Assert.Equal(new Dictionary<string, int> { ["Boundaries"] = 1, ["City Services"] = 1, ["Health"] = 1 }, counts);
        Assert.Equal(3, answer.GetProperty("resultSetSize").GetInt32());
    }

    [Theory]
    [InlineData("domain_tags", "domain_tag")]
    [InlineData("tags", "tag")]
    public async Task Tag_counts_follow_the_filters_and_leave_out_drafts(string endpoint, string key)
    {
        JsonElement all = await GetJsonAsync($"/api/catalog/v1/{endpoint}?{s_fixtureIds}");
        JsonElement filtered = await GetJsonAsync($"/api/catalog/v1/{endpoint}?{s_fixtureIds}&categories=Health");

        Assert.Equal(1, Counts(all, key)["311"]);
        Assert.Equal(6, Counts(all, key).Count); // 311, service requests, restaurants, inspections, boundaries, maps
        Assert.Equal(new Dictionary<string, int> { ["inspections"] = 1, ["restaurants"] = 1 }, Counts(filtered, key));
    }

    [Fact]
    public async Task Domain_counts_name_this_host()
    {
        JsonElement answer = await GetJsonAsync($"/api/catalog/v1/domains?{s_fixtureIds}");
        JsonElement other = await GetJsonAsync($"/api/catalog/v1/domains?{s_fixtureIds}&domains=elsewhere.gov");

        Assert.Equal(new Dictionary<string, int> { [portal.BaseAddress.Authority] = 3 }, Counts(answer, "domain"));
        Assert.Empty(other.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task Domain_facets_list_datatypes_categories_and_tags()
    {
        JsonElement facets = await GetJsonAsync($"/api/catalog/v1/domains/{portal.BaseAddress.Host}/facets?{s_fixtureIds}&tags=maps,restaurants");
        JsonElement elsewhere = await GetJsonAsync($"/api/catalog/v1/domains/data.elsewhere.gov/facets?{s_fixtureIds}");

        Dictionary<string, JsonElement> byName = facets.EnumerateArray().ToDictionary(f => f.GetProperty("facet").GetString()!);
        Assert.Equal(["categories", "datatypes", "tags"], byName.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, byName["datatypes"].GetProperty("count").GetInt32());
        Assert.Equal(
            ["Boundaries:1", "Health:1"],
            byName["categories"].GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value").GetString() + ":" + v.GetProperty("count").GetInt32()).Order(StringComparer.Ordinal));
        Assert.Equal(4, byName["tags"].GetProperty("values").GetArrayLength());
        Assert.Empty(elsewhere.EnumerateArray());
    }

    [Fact]
    public async Task Autocomplete_suggests_titles_of_matches()
    {
        JsonElement answer = await GetJsonAsync("/api/catalog/v1/autocomplete?q=council");

        Assert.Equal(
            ["Los Angeles City Council Districts (2012)"],
            answer.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("title").GetString()));
        Assert.Equal(1, answer.GetProperty("resultSetSize").GetInt32());
    }

    [Fact]
    public async Task A_signed_in_member_also_finds_private_datasets_of_their_organisation()
    {
        KeyIssuer issuer = portal.App.Services.GetRequiredService<KeyIssuer>();
        string email = $"admin-{Guid.NewGuid():N}@city.example";
        await issuer.AddUserAsync(email, Role.Admin, null, null, AuditEntry.OperatorActor, CancellationToken.None);
        IssuedApiKey key = await issuer.CreateKeyAsync(email, AuditEntry.OperatorActor, CancellationToken.None);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/catalog/v1?{s_fixtureIds}&categories=Health");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key.KeyId + ":" + key.Secret)));
        using HttpResponseMessage response = await portal.Client.SendAsync(request);
        JsonElement answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([s_private, s_sf], Ids(answer).Order(StringComparer.Ordinal));
        Assert.Equal(2, answer.GetProperty("resultSetSize").GetInt32());
        JsonElement legend = answer.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("resource").GetProperty("id").GetString() == s_private);
        Assert.False(legend.GetProperty("metadata").GetProperty("is_public").GetBoolean());
        Assert.False(legend.GetProperty("metadata").GetProperty("visible_to_anonymous").GetBoolean());
    }

    private static string[] Ids(JsonElement answer) =>
        [.. answer.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("resource").GetProperty("id").GetString()!)];

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static Dictionary<string, int> Counts(JsonElement answer, string key) =>
        answer.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty(key).GetString()!, r => r.GetProperty("count").GetInt32());

    private static long Seconds(JsonElement isoTime) =>
        DateTimeOffset.ParseExact(isoTime.GetString()!, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeSeconds();

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using HttpResponseMessage response = await portal.Client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json; charset=UTF-8", response.Content.Headers.GetValues("Content-Type").Single());
        return JsonDocument.Parse(body).RootElement;
    }
}
