using System.Net;
using System.Text.Json;
using CivicData.Web.Tests.Infrastructure;

namespace CivicData.Web.Tests.Views;

[Collection(PortalCollection.Name)]
public sealed class ViewsEndpointTests(PortalFixture portal)
{
    [Fact]
    public async Task View_describes_the_dataset_and_its_columns()
    {
        using HttpResponseMessage response = await portal.Client.GetAsync($"/api/views/{PortalFixture.La311.Value}.json");
        string text = await response.Content.ReadAsStringAsync();
        using JsonDocument document = JsonDocument.Parse(text);
        JsonElement view = document.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=UTF-8", response.Content.Headers.GetValues("Content-Type").Single());
        Assert.Equal(PortalFixture.La311.Value, view.GetProperty("id").GetString());
        Assert.Equal(PortalFixture.La311Title, view.GetProperty("name").GetString());
        Assert.Equal("City Services", view.GetProperty("category").GetString());
        Assert.Equal("table", view.GetProperty("displayType").GetString());
        Assert.Equal("tabular", view.GetProperty("viewType").GetString());
        Assert.Equal("published", view.GetProperty("publicationStage").GetString());
        Assert.Equal("official", view.GetProperty("provenance").GetString());
        Assert.Equal("PUBLIC_DOMAIN", view.GetProperty("licenseId").GetString());
        Assert.Equal("Public Domain", view.GetProperty("license").GetProperty("name").GetString());
        Assert.Equal(["311", "service requests"], view.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal(
            "Information Technology Agency",
            view.GetProperty("metadata").GetProperty("custom_fields").GetProperty("Dataset Information").GetProperty("Department").GetString());
        foreach (string time in new[] { "createdAt", "rowsUpdatedAt", "viewLastModified", "publicationDate" })
        {
            Assert.Equal(JsonValueKind.Number, view.GetProperty(time).ValueKind);
            Assert.InRange(view.GetProperty(time).GetInt64(), 1_500_000_000, 4_000_000_000);
        }

        string[] header = TestCsv.Records(File.ReadLines(SharedData.La311).First())[0];
        JsonElement[] columns = [.. view.GetProperty("columns").EnumerateArray()];
        Assert.Equal(header.Length, columns.Length);
        Assert.Equal(header.Select(name => name.ToLowerInvariant()), columns.Select(column => column.GetProperty("fieldName").GetString()));
        Assert.Equal(Enumerable.Range(1, header.Length), columns.Select(column => column.GetProperty("position").GetInt32()));
        JsonElement srnumber = columns.Single(column => column.GetProperty("fieldName").GetString() == "srnumber");
        Assert.Equal(srnumber.GetProperty("id").GetInt64(), view.GetProperty("rowIdentifierColumnId").GetInt64());
        Assert.Equal("text", srnumber.GetProperty("dataTypeName").GetString());
        Assert.Equal(JsonValueKind.Object, srnumber.GetProperty("format").ValueKind);
    }

    [Fact]
    public async Task Floating_timestamp_columns_use_the_legacy_calendar_date_name()
    {
        using HttpResponseMessage response = await portal.Client.GetAsync($"/api/views/{PortalFixture.SfInspections.Value}");
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        JsonElement date = document.RootElement.GetProperty("columns").EnumerateArray().Single(column => column.GetProperty("fieldName").GetString() == "date");
        Assert.Equal("calendar_date", date.GetProperty("dataTypeName").GetString());
        Assert.False(document.RootElement.TryGetProperty("rowIdentifierColumnId", out _));
    }
}
