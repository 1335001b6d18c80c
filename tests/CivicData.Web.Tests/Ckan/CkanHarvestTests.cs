using System.Globalization;
using System.Net;
using System.Text.Json;

namespace CivicData.Web.Tests.Ckan;

/// <summary>
/// What ckanext-harvest's CKAN harvester does (ckan.md §8): page package_search by 100 rows sorted by id, with an
/// incremental metadata_modified range, until a page comes back empty. Every public dataset must arrive exactly once
/// and no private or draft one at all.
/// </summary>
public sealed class CkanHarvestTests(CkanHarvestFixture fixture) : IClassFixture<CkanHarvestFixture>
{
    [Fact]
    public async Task Paging_by_id_with_a_modified_range_returns_every_public_dataset_once()
    {
        // The harvester's own form: Python isoformat with microseconds and a Z, one hour before the last run.
        string since = fixture.StartedAt.AddHours(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        string fq = Uri.EscapeDataString($"metadata_modified:[{since} TO *]");

        var seen = new List<string>();
        string? previousPage = null;
        for (int start = 0; ; start += 100)
        {
            (HttpStatusCode status, JsonElement body) = await CkanCalls.GetAsync(fixture.Client, $"/api/3/action/package_search?rows=100&start={start}&sort=id+asc&fq={fq}");
            Assert.Equal(HttpStatusCode.OK, status);
            JsonElement results = body.GetProperty("result").GetProperty("results");
            if (results.GetArrayLength() == 0)
            {
                break;
            }

            // The harvester gives up when two pages are byte-identical.
            Assert.NotEqual(previousPage, results.GetRawText());
            previousPage = results.GetRawText();
            seen.AddRange(CkanCalls.Ids(results));
            Assert.Equal(CkanHarvestFixture.PublicCount, body.GetProperty("result").GetProperty("count").GetInt32());
            Assert.True(start < 10_000, "paging never ended");
        }

        Assert.Equal(CkanHarvestFixture.PublicCount, seen.Count);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(fixture.PublicIds.Order(StringComparer.Ordinal), seen);
        Assert.Empty(seen.Intersect(fixture.HiddenIds));
    }

    [Fact]
    public async Task A_range_after_the_last_change_finds_nothing_and_an_org_filter_splits_the_rest()
    {
        string after = TimeProvider.System.GetUtcNow().AddMinutes(5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        JsonElement none = await CkanCalls.ResultAsync(fixture.Client, $"/api/3/action/package_search?rows=100&sort=id+asc&fq=metadata_modified:%5B{after}%20TO%20*%5D");
        Assert.Equal(0, none.GetProperty("count").GetInt32());

        // Departments go round-robin by index: Parks, Transportation, Public Works.
        JsonElement parks = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/package_search?rows=0&fq=organization:parks");
        JsonElement others = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/package_search?rows=0&fq=-organization:parks");
        Assert.Equal(87, parks.GetProperty("count").GetInt32());
        Assert.Equal(CkanHarvestFixture.PublicCount - 87, others.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Package_list_and_every_listing_leave_out_private_and_draft_datasets()
    {
        JsonElement names = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/package_list");
        JsonElement parks = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/organization_show?id=parks");

        Assert.Equal(fixture.PublicIds.Order(StringComparer.Ordinal), CkanCalls.Strings(names));
        Assert.Equal(87, parks.GetProperty("package_count").GetInt32());
    }
}
