using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicData.Web.Tests.Infrastructure;

namespace CivicData.Web.Tests.Views;

/// <summary>
/// Every field of soda.md §2.3's view object, and the metadata API v1 of §2.4, over a real socket. Expected keys are
/// copied from the spec, expected values from the fixture's publish requests.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class ViewMetadataTests(PortalFixture portal)
{
    /// <summary>The top-level keys of soda.md §2.3's example view, in its order (rowIdentifierColumnId apart).</summary>
    private static readonly string[] s_viewKeys =
    [
        "id", "name", "assetType", "attribution", "attributionLink", "averageRating", "category", "createdAt",
        "description", "displayType", "downloadCount", "licenseId", "license", "newBackend", "numberOfComments", "oid",
        "provenance", "publicationAppendEnabled", "publicationDate", "publicationGroup", "publicationStage",
        "rowsUpdatedAt", "rowsUpdatedBy", "tableId", "totalTimesRated", "viewCount", "viewLastModified", "viewType",
        "tags", "metadata", "owner", "tableAuthor", "rights", "flags", "columns",
    ];

    private static readonly string[] s_columnKeys =
        ["id", "name", "dataTypeName", "description", "fieldName", "position", "renderTypeName", "tableColumnId", "format"];

    /// <summary>soda.md §2.4's keys of a metadata v1 object.</summary>
    private static readonly string[] s_metadataKeys =
    [
        "id", "name", "description", "category", "tags", "license", "attribution", "attributionLink", "contactEmail",
        "domain", "dataUri", "webUri", "createdAt", "updatedAt", "dataUpdatedAt", "metadataUpdatedAt", "provenance",
        "hideFromCatalog", "hideFromDataJson", "customFields", "privateCustomFields",
    ];

    private static readonly string[] s_publicIds = [PortalFixture.La311.Value, PortalFixture.SfInspections.Value, PortalFixture.CouncilDistricts.Value];

    private static readonly string[] s_hiddenIds = [PortalFixture.PrivateLegend.Value, PortalFixture.DraftPermits.Value];

    [Fact]
    public async Task View_has_every_field_the_spec_lists()
    {
        JsonElement view = await GetJsonAsync($"/api/views/{PortalFixture.La311.Value}.json");

        foreach (string key in s_viewKeys.Append("rowIdentifierColumnId"))
        {
            Assert.True(view.TryGetProperty(key, out _), $"view has no '{key}'");
        }

        foreach (JsonElement column in view.GetProperty("columns").EnumerateArray())
        {
            Assert.All(s_columnKeys, key => Assert.True(column.TryGetProperty(key, out _), $"column has no '{key}'"));
        }

        JsonElement metadata = view.GetProperty("metadata");
        Assert.Equal("0", metadata.GetProperty("rdfSubject").GetString());
        Assert.Equal(["table", "fatrow", "page"], metadata.GetProperty("availableDisplayTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Object, metadata.GetProperty("custom_fields").ValueKind);
        Assert.Equal("dataset", view.GetProperty("assetType").GetString());
        Assert.True(view.GetProperty("newBackend").GetBoolean());
        Assert.False(view.GetProperty("publicationAppendEnabled").GetBoolean());
        Assert.Equal(["read"], view.GetProperty("rights").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["default", "restorable"], view.GetProperty("flags").EnumerateArray().Select(e => e.GetString()));
        foreach (string count in new[] { "averageRating", "downloadCount", "numberOfComments", "totalTimesRated", "viewCount" })
        {
            Assert.Equal(0, view.GetProperty(count).GetInt32());
        }
    }

    [Fact]
    public async Task The_owner_is_the_publishing_department_under_a_stable_4x4_id()
    {
        JsonElement la = await GetJsonAsync($"/api/views/{PortalFixture.La311.Value}.json");
        JsonElement again = await GetJsonAsync($"/api/views/{PortalFixture.La311.Value}");
        JsonElement sf = await GetJsonAsync($"/api/views/{PortalFixture.SfInspections.Value}.json");

        JsonElement owner = la.GetProperty("owner");
        string id = owner.GetProperty("id").GetString()!;
        Assert.Matches(FourByFour(), id);
        Assert.Equal("Information Technology Agency", owner.GetProperty("displayName").GetString());
        Assert.Equal("Information Technology Agency", owner.GetProperty("screenName").GetString());
        Assert.Equal("publisher", owner.GetProperty("roleName").GetString());
        Assert.Equal(id, la.GetProperty("tableAuthor").GetProperty("id").GetString());
        Assert.Equal("Information Technology Agency", la.GetProperty("tableAuthor").GetProperty("displayName").GetString());
        Assert.Equal(id, la.GetProperty("rowsUpdatedBy").GetString());
        Assert.Equal(id, again.GetProperty("owner").GetProperty("id").GetString());
        Assert.Equal("Public Health", sf.GetProperty("owner").GetProperty("displayName").GetString());
        Assert.NotEqual(id, sf.GetProperty("owner").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Metadata_v1_of_a_dataset_is_flat_with_every_key_and_iso_times()
    {
        JsonElement view = await GetJsonAsync($"/api/views/{PortalFixture.La311.Value}.json");
        using HttpResponseMessage response = await portal.Client.GetAsync($"/api/views/metadata/v1/{PortalFixture.La311.Value}");
        JsonElement metadata = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=UTF-8", response.Content.Headers.GetValues("Content-Type").Single());
        Assert.Equal(s_metadataKeys.Order(StringComparer.Ordinal), metadata.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        string origin = portal.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Equal(PortalFixture.La311.Value, metadata.GetProperty("id").GetString());
        Assert.Equal(PortalFixture.La311Title, metadata.GetProperty("name").GetString());
        Assert.Equal("City Services", metadata.GetProperty("category").GetString());
        Assert.Equal(["311", "service requests"], metadata.GetProperty("tags").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Public Domain", metadata.GetProperty("license").GetString());
        Assert.Equal("City of Los Angeles", metadata.GetProperty("attribution").GetString());
        Assert.Equal(JsonValueKind.Null, metadata.GetProperty("attributionLink").ValueKind);
        Assert.Equal(JsonValueKind.Null, metadata.GetProperty("contactEmail").ValueKind);
        Assert.Equal(portal.BaseAddress.Authority, metadata.GetProperty("domain").GetString());
        Assert.Equal($"{origin}/resource/{PortalFixture.La311.Value}", metadata.GetProperty("dataUri").GetString());
        Assert.Equal($"{origin}/d/{PortalFixture.La311.Value}", metadata.GetProperty("webUri").GetString());
        Assert.Equal("OFFICIAL", metadata.GetProperty("provenance").GetString());
        Assert.False(metadata.GetProperty("hideFromCatalog").GetBoolean());
        Assert.False(metadata.GetProperty("hideFromDataJson").GetBoolean());
        Assert.Equal(
            "Information Technology Agency",
            metadata.GetProperty("customFields").GetProperty("Dataset Information").GetProperty("Department").GetString());
        Assert.Equal(JsonValueKind.Object, metadata.GetProperty("privateCustomFields").ValueKind);

        // The same instants as the view's UNIX seconds, written as ISO 8601 UTC.
        Assert.Equal(view.GetProperty("createdAt").GetInt64(), IsoSeconds(metadata, "createdAt"));
        Assert.Equal(view.GetProperty("rowsUpdatedAt").GetInt64(), IsoSeconds(metadata, "dataUpdatedAt"));
        Assert.Equal(view.GetProperty("viewLastModified").GetInt64(), IsoSeconds(metadata, "metadataUpdatedAt"));
        Assert.Equal(Math.Max(IsoSeconds(metadata, "dataUpdatedAt"), IsoSeconds(metadata, "metadataUpdatedAt")), IsoSeconds(metadata, "updatedAt"));

        using HttpResponseMessage data = await portal.Client.GetAsync(new Uri(metadata.GetProperty("dataUri").GetString() + ".json?$limit=1"));
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);
    }

    [Fact]
    public async Task Metadata_v1_lists_every_public_dataset_by_id_and_nothing_private_or_draft()
    {
        using HttpResponseMessage response = await portal.Client.GetAsync("/api/views/metadata/v1");
        JsonElement list = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string[] ids = [.. list.EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];
        Assert.Superset(s_publicIds.ToHashSet(), ids.ToHashSet());
        Assert.Empty(ids.Intersect(s_hiddenIds));
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.All(list.EnumerateArray(), item => Assert.Equal(s_metadataKeys.Length, item.EnumerateObject().Count()));
    }

    [Fact]
    public async Task Metadata_v1_pages_are_one_based_and_together_make_the_whole_list()
    {
        string[] all = await IdsAsync("/api/views/metadata/v1");

        string[] first = await IdsAsync("/api/views/metadata/v1?limit=2&page=1");
        string[] second = await IdsAsync("/api/views/metadata/v1?limit=2&page=2");
        string[] beyond = await IdsAsync("/api/views/metadata/v1?limit=2&page=1000");
        string[] limitOnly = await IdsAsync("/api/views/metadata/v1?limit=1");

        Assert.True(all.Length >= 3);
        Assert.Equal(all.Take(2), first);
        Assert.Equal(all.Skip(2).Take(2), second);
        Assert.Empty(beyond);
        Assert.Equal(all.Take(1), limitOnly);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=abc")]
    [InlineData("limit=-1")]
    [InlineData("limit=2&page=0")]
    public async Task Metadata_v1_refuses_a_bad_limit_or_page_in_sodas_error_shape(string query)
    {
        using HttpResponseMessage response = await portal.Client.GetAsync("/api/views/metadata/v1?" + query);
        JsonElement error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(error.GetProperty("error").GetBoolean());
        Assert.Equal("invalid_parameter", error.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/api/views/metadata/v1/{0}")]
    [InlineData("/api/views/{0}.json")]
    [InlineData("/api/views/{0}")]
    public async Task Private_and_draft_datasets_are_404_like_unknown_ones(string template)
    {
        foreach (string id in s_hiddenIds.Append("zzzz-9999"))
        {
            using HttpResponseMessage response = await portal.Client.GetAsync(string.Format(CultureInfo.InvariantCulture, template, id));
            JsonElement error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not_found", error.GetProperty("code").GetString());
            Assert.DoesNotContain("Inspection score legend", error.ToString(), StringComparison.Ordinal);
        }
    }

    private static long IsoSeconds(JsonElement metadata, string key)
    {
        string text = metadata.GetProperty(key).GetString()!;
        Assert.Matches(IsoUtc(), text);
        return DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeSeconds();
    }

    private async Task<string[]> IdsAsync(string url)
    {
        JsonElement list = await GetJsonAsync(url);
        return [.. list.EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using HttpResponseMessage response = await portal.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [GeneratedRegex("^[a-z0-9]{4}-[a-z0-9]{4}$")]
    private static partial Regex FourByFour();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex IsoUtc();
}
