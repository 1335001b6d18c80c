using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CivicData.Web.Tests.Infrastructure;

namespace CivicData.Web.Tests.Downloads;

/// <summary>
/// GET /api/views/{id}/rows.csv and rows.json over a real socket, with expected values computed here from the
/// LA 311 source file and from /api/views.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DownloadEndpointTests(PortalFixture portal)
{
    private const string UsTimestamp = "MM/dd/yyyy hh:mm:ss tt";

    private static readonly string s_views = "/api/views/" + PortalFixture.La311.Value;

    [Fact]
    public async Task Csv_header_is_the_display_names_in_position_order()
    {
        JsonElement view = await GetJsonAsync($"{s_views}.json");
        string[] displayNames = [.. view.GetProperty("columns").EnumerateArray()
            .OrderBy(column => column.GetProperty("position").GetInt32())
            .Select(column => column.GetProperty("name").GetString()!)];

        List<string[]> records = TestCsv.Records(await GetTextAsync($"{s_views}/rows.csv"));

        Assert.Equal(displayNames, records[0]);
        Assert.Equal("SR Number", records[0][0]);
        Assert.Equal("Created Date", records[0][1]);
    }

    [Fact]
    public async Task Csv_has_every_row_of_the_source_file_with_no_limit()
    {
        List<Dictionary<string, string>> expected = La311Source.Rows;

        List<Dictionary<string, string>> rows = TestCsv.ParseRows(await GetTextAsync($"{s_views}/rows.csv?accessType=DOWNLOAD"));

        Assert.Equal(expected.Count, rows.Count);
        Assert.True(rows.Count > 1000, "more rows than /resource's default page");
        Assert.Equal(expected.Select(row => row["SRNumber"]).Order(StringComparer.Ordinal), rows.Select(row => row["SR Number"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Csv_floating_timestamps_are_12_hour_us_dates_with_the_time()
    {
        Dictionary<string, string> midnightHour = La311Source.Rows.First(row => row["CreatedDate"].Contains(" 12:", StringComparison.Ordinal) && row["CreatedDate"].EndsWith("AM", StringComparison.Ordinal));
        Dictionary<string, string> evening = La311Source.Rows.First(row => Parse(row["CreatedDate"]).Hour >= 13);

        Dictionary<string, Dictionary<string, string>> bySr = TestCsv.ParseRows(await GetTextAsync($"{s_views}/rows.csv"))
            .ToDictionary(row => row["SR Number"]);

        // Read from the source text and written again by hand: 12 AM is the hour after midnight, 1 PM is 13:00.
        DateTime first = Parse(midnightHour["CreatedDate"]);
        string expectedFirst = $"{first.Month:00}/{first.Day:00}/{first.Year:0000} 12:{first.Minute:00}:{first.Second:00} AM";
        DateTime second = Parse(evening["CreatedDate"]);
        string expectedSecond = $"{second.Month:00}/{second.Day:00}/{second.Year:0000} {second.Hour - 12:00}:{second.Minute:00}:{second.Second:00} PM";
        Assert.Equal(expectedFirst, bySr[midnightHour["SRNumber"]]["Created Date"]);
        Assert.Equal(expectedSecond, bySr[evening["SRNumber"]]["Created Date"]);
        Assert.Equal(0, first.Hour);
    }

    [Fact]
    public async Task Csv_points_are_wkt_and_values_with_commas_are_quoted()
    {
        Dictionary<string, string> source = La311Source.Rows.First(row => row["Latitude"] != "" && row["Address"].Contains(',', StringComparison.Ordinal));

        string body = await GetTextAsync($"{s_views}/rows.csv");
        Dictionary<string, string> row = TestCsv.ParseRows(body).Single(r => r["SR Number"] == source["SRNumber"]);

        Assert.Equal($"POINT ({source["Longitude"]} {source["Latitude"]})", row["Location"]);
        Assert.Equal(source["Address"], row["Address"]);
        Assert.Contains($",\"{source["Address"]}\",", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_with_bom_starts_with_the_utf8_byte_order_mark_and_without_does_not()
    {
        byte[] withBom = await portal.Client.GetByteArrayAsync($"{s_views}/rows.csv?$$bom=true");
        byte[] without = await portal.Client.GetByteArrayAsync($"{s_views}/rows.csv");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, withBom[..3]);
        Assert.Equal((byte)'S', without[0]);
        Assert.Equal(without, withBom[3..]);
    }

    [Fact]
    public async Task Downloads_are_attachments_named_after_the_dataset()
    {
        using HttpResponseMessage csv = await portal.Client.GetAsync($"{s_views}/rows.csv?accessType=DOWNLOAD");
        using HttpResponseMessage json = await portal.Client.GetAsync($"{s_views}/rows.json?accessType=DOWNLOAD");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv; charset=UTF-8", csv.Content.Headers.GetValues("Content-Type").Single());
        Assert.Equal("attachment; filename=MyLA311_Service_Requests_test.csv", csv.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("application/json; charset=UTF-8", json.Content.Headers.GetValues("Content-Type").Single());
        Assert.Equal("attachment; filename=MyLA311_Service_Requests_test.json", json.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("*", csv.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.NotNull(csv.Content.Headers.LastModified);
    }

    [Fact]
    public async Task Json_meta_is_the_view_with_eight_system_columns_first()
    {
        JsonElement view = await GetJsonAsync($"{s_views}.json");

        JsonElement meta = (await GetJsonAsync($"{s_views}/rows.json")).GetProperty("meta").GetProperty("view");

        Assert.Equal(PortalFixture.La311.Value, meta.GetProperty("id").GetString());
        Assert.Equal(PortalFixture.La311Title, meta.GetProperty("name").GetString());
        JsonElement[] columns = [.. meta.GetProperty("columns").EnumerateArray()];
        Assert.Equal(
            [":sid", ":id", ":position", ":created_at", ":created_meta", ":updated_at", ":updated_meta", ":meta"],
            columns[..8].Select(column => column.GetProperty("fieldName").GetString()));
        Assert.All(columns[..8], column =>
        {
            Assert.Equal(-1, column.GetProperty("id").GetInt64());
            Assert.Equal("meta_data", column.GetProperty("dataTypeName").GetString());
            Assert.Equal("meta_data", column.GetProperty("renderTypeName").GetString());
            Assert.Equal(0, column.GetProperty("position").GetInt32());
        });
        Assert.Equal(view.GetProperty("columns").EnumerateArray().Select(column => column.GetRawText()), columns[8..].Select(column => column.GetRawText()));
    }

    [Fact]
    public async Task Json_data_has_every_row_as_system_values_then_user_values()
    {
        int userColumns = (await GetJsonAsync($"{s_views}.json")).GetProperty("columns").GetArrayLength();
        Dictionary<string, string> source = La311Source.Rows[0];

        JsonElement download = await GetJsonAsync($"{s_views}/rows.json");

        JsonElement[] data = [.. download.GetProperty("data").EnumerateArray()];
        string[] fields = [.. download.GetProperty("meta").GetProperty("view").GetProperty("columns").EnumerateArray().Select(column => column.GetProperty("fieldName").GetString()!)];
        Assert.Equal(La311Source.Rows.Count, data.Length);
        Assert.All(data, row => Assert.Equal(8 + userColumns, row.GetArrayLength()));

        JsonElement first = data[0];
        Assert.Equal(first[0].GetInt64(), first[2].GetInt64());
        Assert.StartsWith("row-", first[1].GetString(), StringComparison.Ordinal);
        Assert.InRange(first[3].GetInt64(), 1_500_000_000, 4_000_000_000);
        Assert.Equal(JsonValueKind.Null, first[4].ValueKind);
        Assert.InRange(first[5].GetInt64(), first[3].GetInt64(), 4_000_000_000);
        Assert.Equal("{ }", first[7].GetString());
        Assert.Equal(source["SRNumber"], first[Array.IndexOf(fields, "srnumber")].GetString());
        Assert.Equal(source["CD"], first[Array.IndexOf(fields, "cd")].GetString());
        Assert.Equal(
            Parse(source["CreatedDate"]).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            first[Array.IndexOf(fields, "createddate")].GetString());
        Assert.True(data.Zip(data.Skip(1)).All(pair => pair.First[0].GetInt64() < pair.Second[0].GetInt64()), "sid follows load order");
    }

    [Theory]
    [InlineData("rows.csv")]
    [InlineData("rows.json")]
    public async Task Private_datasets_are_404_exactly_like_their_view(string file)
    {
        string views = "/api/views/" + PortalFixture.PrivateLegend.Value;
        using HttpResponseMessage view = await portal.Client.GetAsync(views + ".json");

        using HttpResponseMessage download = await portal.Client.GetAsync($"{views}/{file}");

        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal("application/json; charset=UTF-8", download.Content.Headers.GetValues("Content-Type").Single());
        Assert.Equal(await view.Content.ReadAsStringAsync(), await download.Content.ReadAsStringAsync());
        Assert.Null(download.Content.Headers.ContentDisposition);
    }

    [Theory]
    [InlineData("rows.xml")]
    [InlineData("rows")]
    [InlineData("rows.csv/more")]
    public async Task Unknown_sub_paths_are_a_soda_404(string file)
    {
        using HttpResponseMessage response = await portal.Client.GetAsync($"{s_views}/{file}");
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", body.RootElement.GetProperty("code").GetString());
        Assert.True(body.RootElement.GetProperty("error").GetBoolean());
    }

    [Theory]
    [InlineData("rows.csv")]
    [InlineData("rows.json")]
    public async Task A_matching_if_none_match_gets_304(string file)
    {
        string url = $"{s_views}/{file}";
        using HttpResponseMessage first = await portal.Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        EntityTagHeaderValue etag = first.Headers.ETag!;
        Assert.NotNull(etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        using HttpResponseMessage second = await portal.Client.SendAsync(conditional);
        using HttpResponseMessage bom = await portal.Client.GetAsync(url + "?$$bom=true", HttpCompletionOption.ResponseHeadersRead);
        using HttpResponseMessage resource = await portal.Client.GetAsync($"/resource/{PortalFixture.La311.Value}.csv", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, second.Headers.ETag);
        Assert.NotEqual(etag, resource.Headers.ETag);
        Assert.Equal(file == "rows.csv", !Equals(etag, bom.Headers.ETag));
    }

    private static DateTime Parse(string text) => DateTime.ParseExact(text, UsTimestamp, CultureInfo.InvariantCulture);

    private async Task<string> GetTextAsync(string url)
    {
        using HttpResponseMessage response = await portal.Client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} → {(int)response.StatusCode}: {body}");
        return body;
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using JsonDocument document = JsonDocument.Parse(await GetTextAsync(url));
        return document.RootElement.Clone();
    }
}
