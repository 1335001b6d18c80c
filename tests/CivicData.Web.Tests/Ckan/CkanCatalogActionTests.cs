using System.Net;
using System.Text.Json;

namespace CivicData.Web.Tests.Ckan;

/// <summary>
/// The read actions over the catalog (ckan.md §4): the fixture's three public datasets appear, and its private dataset
/// and its draft appear nowhere, whatever the action.
/// </summary>
[Collection(CkanCollection.Name)]
public sealed class CkanCatalogActionTests(CkanFixture fixture)
{
    [Fact]
    public async Task Package_list_names_the_public_datasets_sorted_by_name()
    {
        JsonElement result = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/package_list?include_private=true&include_drafts=true");

        Assert.Equal(["la31-test", "lacd-test", "sfin-test"], CkanCalls.Strings(result));
    }

    [Fact]
    public async Task Package_list_pages_with_limit_and_offset()
    {
        JsonElement result = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/package_list?limit=1&offset=1");

        Assert.Equal(["lacd-test"], CkanCalls.Strings(result));
    }

    [Fact]
    public async Task Package_show_maps_the_dataset_to_a_ckan_dataset_dict()
    {
        JsonElement package = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/package_show?id=la31-test");

        Assert.Equal("la31-test", package.GetProperty("id").GetString());
        Assert.Equal("la31-test", package.GetProperty("name").GetString());
        Assert.Equal("MyLA311 Service Requests (test)", package.GetProperty("title").GetString());
        Assert.Equal("dataset", package.GetProperty("type").GetString());
        Assert.Equal("active", package.GetProperty("state").GetString());
        Assert.False(package.GetProperty("private").GetBoolean());
        Assert.Equal("other-pd", package.GetProperty("license_id").GetString());
        Assert.Equal("information-technology-agency", package.GetProperty("owner_org").GetString());
        Assert.Equal("Information Technology Agency", package.GetProperty("organization").GetProperty("title").GetString());
        Assert.Equal("city-services", package.GetProperty("groups")[0].GetProperty("name").GetString());
        Assert.Equal(["311", "service requests"], [.. package.GetProperty("tags").EnumerateArray().Select(tag => tag.GetProperty("name").GetString()!)]);
        Assert.Equal(package.GetProperty("tags").GetArrayLength(), package.GetProperty("num_tags").GetInt32());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$", package.GetProperty("metadata_modified").GetString());

        JsonElement resources = package.GetProperty("resources");
        Assert.Equal(resources.GetArrayLength(), package.GetProperty("num_resources").GetInt32());
        JsonElement rows = resources[0];
        Assert.Equal("la31-test", rows.GetProperty("id").GetString());
        Assert.Equal("CSV", rows.GetProperty("format").GetString());
        Assert.True(rows.GetProperty("datastore_active").GetBoolean());
        Assert.Equal(new Uri(fixture.BaseAddress, "/api/views/la31-test/rows.csv?accessType=DOWNLOAD").ToString(), rows.GetProperty("url").GetString());
        Assert.Equal(0, rows.GetProperty("position").GetInt32());
        Assert.Equal("JSON", resources[1].GetProperty("format").GetString());

        // The requests have a location column, so their rows are also offered as GeoJSON.
        Assert.Equal("GeoJSON", resources[2].GetProperty("format").GetString());
        Assert.Equal(3, resources.GetArrayLength());
    }

    [Fact]
    public async Task Resource_urls_download_the_rows()
    {
        JsonElement package = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/package_show?id=lacd-test");
        JsonElement resources = package.GetProperty("resources");
        Assert.Equal("GeoJSON", resources[2].GetProperty("format").GetString());

        string csv = await fixture.Client.GetStringAsync(new Uri(resources[0].GetProperty("url").GetString()!));
        Assert.Equal(15 + 1, TestCsv.Records(csv).Count);

        using JsonDocument geojson = JsonDocument.Parse(await fixture.Client.GetStringAsync(new Uri(resources[2].GetProperty("url").GetString()!)));
        Assert.Equal(15, geojson.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task Package_show_accepts_the_name_in_any_case()
    {
        JsonElement package = await CkanCalls.ResultAsync(fixture.Client, "/api/action/package_show?id=SFIN-TEST");

        Assert.Equal("sfin-test", package.GetProperty("id").GetString());
        Assert.Equal("odc-pddl", package.GetProperty("license_id").GetString());
        Assert.True(package.GetProperty("isopen").GetBoolean());

        // Inspections have no geometry column: rows and JSON only.
        Assert.Equal(["CSV", "JSON"], [.. package.GetProperty("resources").EnumerateArray().Select(resource => resource.GetProperty("format").GetString()!)]);
    }

    [Theory]
    [InlineData("/api/3/action/package_show?id=priv-test")]
    [InlineData("/api/3/action/package_show?id=drft-test")]
    [InlineData("/api/3/action/resource_show?id=priv-test")]
    [InlineData("/api/3/action/resource_show?id=drft-test")]
    [InlineData("/api/3/action/organization_show?id=internal-audit")]
    [InlineData("/api/3/action/organization_show?id=finance")]
    [InlineData("/api/3/action/group_show?id=finance")]
    public async Task Private_and_draft_datasets_are_not_found(string path)
    {
        (HttpStatusCode status, JsonElement error) = await CkanCalls.ErrorAsync(fixture.Client, path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Not Found Error", error.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task Resource_show_finds_the_rows_and_the_downloads()
    {
        JsonElement rows = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/resource_show?id=sfin-test");
        JsonElement json = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/resource_show?id=sfin-test.json");

        Assert.Equal("sfin-test", rows.GetProperty("package_id").GetString());
        Assert.True(rows.GetProperty("datastore_active").GetBoolean());
        Assert.Equal("JSON", json.GetProperty("format").GetString());
        Assert.False(json.GetProperty("datastore_active").GetBoolean());

        (HttpStatusCode status, JsonElement error) = await CkanCalls.ErrorAsync(fixture.Client, "/api/3/action/resource_show?id=sfin-test.xlsx");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Not found: Resource \"sfin-test.xlsx\" was not found.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Organizations_are_the_departments_with_public_datasets()
    {
        JsonElement names = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/organization_list");
        JsonElement all = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/organization_list?all_fields=true&sort=name%20desc");

        Assert.Equal(["city-planning", "information-technology-agency", "public-health"], CkanCalls.Strings(names));
        Assert.Equal(["public-health", "information-technology-agency", "city-planning"], [.. all.EnumerateArray().Select(org => org.GetProperty("name").GetString()!)]);
        Assert.All(all.EnumerateArray(), org => Assert.Equal(1, org.GetProperty("package_count").GetInt32()));
    }

    [Fact]
    public async Task Organization_show_counts_and_lists_only_visible_datasets()
    {
        JsonElement org = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/organization_show?id=public-health&include_datasets=true");

        Assert.Equal("Public Health", org.GetProperty("title").GetString());
        Assert.True(org.GetProperty("is_organization").GetBoolean());
        Assert.Equal(1, org.GetProperty("package_count").GetInt32());
        Assert.Equal([CkanFixture.Inspections], CkanCalls.Ids(org.GetProperty("packages")));
    }

    [Fact]
    public async Task Groups_are_the_categories_and_leave_out_private_datasets()
    {
        JsonElement names = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/group_list");
        JsonElement health = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/group_show?id=health&include_datasets=true");

        // Sorted by title: Boundaries, City Services, Health.
        Assert.Equal(["boundaries", "city-services", "health"], CkanCalls.Strings(names));
        Assert.Equal("group", health.GetProperty("type").GetString());
        Assert.False(health.GetProperty("is_organization").GetBoolean());
        Assert.Equal(1, health.GetProperty("package_count").GetInt32());
        Assert.Equal([CkanFixture.Inspections], CkanCalls.Ids(health.GetProperty("packages")));

        (HttpStatusCode status, _) = await CkanCalls.ErrorAsync(fixture.Client, "/api/3/action/organization_show?id=health");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Tag_list_holds_the_tags_of_public_datasets_only()
    {
        JsonElement tags = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/tag_list");
        JsonElement filtered = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/tag_list?query=ma&all_fields=true");

        Assert.Equal(["311", "boundaries", "inspections", "maps", "restaurants", "service requests"], CkanCalls.Strings(tags).Order(StringComparer.Ordinal));
        Assert.Equal("maps", filtered.EnumerateArray().Single().GetProperty("name").GetString());
    }

    [Fact]
    public async Task License_list_is_the_ckan_register()
    {
        JsonElement licenses = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/license_list");

        Assert.Equal(15, licenses.GetArrayLength());
        JsonElement ccBy = licenses.EnumerateArray().Single(license => license.GetProperty("id").GetString() == "cc-by");
        Assert.Equal("Creative Commons Attribution", ccBy.GetProperty("title").GetString());
        Assert.Equal("active", ccBy.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Package_autocomplete_matches_titles_of_visible_datasets()
    {
        JsonElement matches = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/package_autocomplete?q=inspection");

        // The private legend and the draft budget have "inspection" in their titles too.
        JsonElement only = matches.EnumerateArray().Single();
        Assert.Equal("sfin-test", only.GetProperty("name").GetString());
        Assert.Equal("title", only.GetProperty("match_field").GetString());
    }

    [Fact]
    public async Task Current_package_list_with_resources_lists_public_datasets_newest_first()
    {
        JsonElement packages = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/current_package_list_with_resources?limit=10");

        // Published in this order by the fixture: la311, inspections, districts.
        Assert.Equal([CkanFixture.Districts, CkanFixture.Inspections, CkanFixture.La311], CkanCalls.Ids(packages));
        Assert.All(packages.EnumerateArray(), package => Assert.True(package.GetProperty("resources").GetArrayLength() >= 2));

        JsonElement second = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/current_package_list_with_resources?limit=1&page=2");
        Assert.Equal([CkanFixture.Inspections], CkanCalls.Ids(second));
    }
}
