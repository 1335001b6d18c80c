using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CivicData.Web.Tests.Infrastructure;

namespace CivicData.Web.Tests.Soda;

/// <summary>
/// GET /resource over a real socket, with every expected value computed here from the source files.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SodaResourceTests(PortalFixture portal)
{
    private static readonly string s_la = "/resource/" + PortalFixture.La311.Value;

    [Fact]
    public async Task Counts_grouped_by_request_type_match_the_source_file()
    {
        Dictionary<string, int> expected = La311Source.Rows
            .GroupBy(row => row["RequestType"])
            .ToDictionary(group => group.Key, group => group.Count());

        JsonElement rows = await GetJsonAsync($"{s_la}.json?$select=requesttype,count(*) AS n&$group=requesttype&$limit=50000");

        var actual = rows.EnumerateArray().ToDictionary(
            row => row.TryGetProperty("requesttype", out JsonElement type) ? type.GetString()! : "",
            row => int.Parse(row.GetProperty("n").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(10_000, actual.Values.Sum());
    }

    [Fact]
    public async Task Where_on_a_number_column_counts_the_same_rows_as_the_file()
    {
        int expected = La311Source.Rows.Count(row => row["CD"] == "5");

        JsonElement rows = await GetJsonAsync($"{s_la}.json?$select=count(*) AS n&$where=cd = 5");

        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), rows[0].GetProperty("n").GetString());
        Assert.True(expected > 0);
    }

    [Fact]
    public async Task Simple_filters_are_and_ed_equality_tests()
    {
        int expected = La311Source.Rows.Count(row => row["RequestType"] == "Graffiti Removal" && row["CD"] == "14");

        JsonElement rows = await GetJsonAsync($"{s_la}.json?requesttype=Graffiti%20Removal&cd=14&$limit=50000");

        Assert.Equal(expected, rows.GetArrayLength());
        Assert.All(rows.EnumerateArray(), row => Assert.Equal("Graffiti Removal", row.GetProperty("requesttype").GetString()));
    }

    [Fact]
    public async Task Order_limit_and_offset_page_through_the_sorted_rows()
    {
        List<string> sorted = [.. La311Source.Rows.Select(row => row["SRNumber"]).Order(StringComparer.Ordinal)];

        JsonElement first = await GetJsonAsync($"{s_la}.json?$select=srnumber&$order=srnumber&$limit=10");
        JsonElement second = await GetJsonAsync($"{s_la}.json?$select=srnumber&$order=srnumber&$limit=10&$offset=10");
        JsonElement last = await GetJsonAsync($"{s_la}.json?$select=srnumber&$order=srnumber DESC&$limit=1");

        Assert.Equal(sorted[..10], first.EnumerateArray().Select(row => row.GetProperty("srnumber").GetString()));
        Assert.Equal(sorted[10..20], second.EnumerateArray().Select(row => row.GetProperty("srnumber").GetString()));
        Assert.Equal(sorted[^1], last[0].GetProperty("srnumber").GetString());
    }

    [Fact]
    public async Task Without_a_limit_the_default_page_is_a_thousand_rows()
    {
        JsonElement rows = await GetJsonAsync($"{s_la}.json");

        Assert.Equal(1000, rows.GetArrayLength());
    }

    [Fact]
    public async Task Full_text_search_returns_only_rows_mentioning_the_words()
    {
        int mentioning = La311Source.Rows.Count(row => row.Values.Any(value => value.Contains("BERENDO", StringComparison.OrdinalIgnoreCase)));

        JsonElement rows = await GetJsonAsync($"{s_la}.json?$q=berendo&$limit=50000");

        Assert.InRange(rows.GetArrayLength(), 1, mentioning);
        Assert.All(rows.EnumerateArray(), row => Assert.Contains("BERENDO", row.GetRawText(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Numbers_are_strings_without_a_fraction_and_nulls_are_omitted()
    {
        Dictionary<string, string> withoutCoordinates = La311Source.Rows.First(row => row["Latitude"] == "" && row["CD"] != "");

        JsonElement rows = await GetJsonAsync($"{s_la}.json?srnumber={withoutCoordinates["SRNumber"]}");

        JsonElement row = Assert.Single(rows.EnumerateArray().ToList());
        Assert.Equal(JsonValueKind.String, row.GetProperty("cd").ValueKind);
        Assert.Equal(withoutCoordinates["CD"], row.GetProperty("cd").GetString());
        Assert.False(row.TryGetProperty("latitude", out _));
        Assert.False(row.TryGetProperty("longitude", out _));
    }

    [Fact]
    public async Task Floating_timestamps_have_three_millisecond_digits_and_no_zone()
    {
        List<string> expected = [.. TestCsv.Read(SharedData.Inspections)
            .Where(row => row["business_id"] == "19")
            .Select(row => DateTime.ParseExact(row["date"], "yyyyMMdd", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture))
            .Order(StringComparer.Ordinal)];

        JsonElement rows = await GetJsonAsync($"/resource/{PortalFixture.SfInspections.Value}.json?$where=business_id = 19&$order=date");

        Assert.Equal(expected, rows.EnumerateArray().Select(row => row.GetProperty("date").GetString()));
        Assert.Contains("2017-12-11T00:00:00.000", expected);
    }

    [Fact]
    public async Task Responses_carry_soda_field_and_type_headers()
    {
        using HttpResponseMessage response = await portal.Client.GetAsync($"{s_la}.json?$select=srnumber,cd,count(*) AS n&$group=srnumber,cd&$limit=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=UTF-8", response.Content.Headers.GetValues("Content-Type").Single());
        Assert.Equal("""["srnumber","cd","n"]""", response.Headers.GetValues("X-SODA2-Fields").Single());
        Assert.Equal("""["text","number","number"]""", response.Headers.GetValues("X-SODA2-Types").Single());
        Assert.Equal("false", response.Headers.GetValues("X-SODA2-Legacy-Types").Single());
        Assert.Equal("false", response.Headers.GetValues("X-SODA2-Data-Out-Of-Date").Single());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.NotEmpty(response.Headers.GetValues("X-Socrata-RequestId").Single());
        string truth = response.Headers.GetValues("X-SODA2-Truth-Last-Modified").Single();
        Assert.True(DateTimeOffset.TryParseExact(truth, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), truth);
        Assert.NotNull(response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task A_matching_if_none_match_gets_304_and_a_different_query_a_different_etag()
    {
        string url = $"{s_la}.json?$select=srnumber&$limit=3";
        using HttpResponseMessage first = await portal.Client.GetAsync(url);
        EntityTagHeaderValue etag = first.Headers.ETag!;
        Assert.NotNull(etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        using HttpResponseMessage second = await portal.Client.SendAsync(conditional);
        using HttpResponseMessage other = await portal.Client.GetAsync($"{s_la}.json?$select=srnumber&$limit=4");
        using HttpResponseMessage csv = await portal.Client.GetAsync($"{s_la}.csv?$select=srnumber&$limit=3");

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, second.Headers.ETag);
        Assert.NotEqual(etag, other.Headers.ETag);
        Assert.NotEqual(etag, csv.Headers.ETag);
    }

    [Fact]
    public async Task Csv_has_a_header_of_field_names_and_rows_in_order()
    {
        List<Dictionary<string, string>> expected = [.. La311Source.Rows.OrderBy(row => row["SRNumber"], StringComparer.Ordinal).Take(3)];

        using HttpResponseMessage response = await portal.Client.GetAsync($"{s_la}.csv?$select=srnumber,requesttype,address&$order=srnumber&$limit=3");
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv; charset=UTF-8", response.Content.Headers.GetValues("Content-Type").Single());
        List<string[]> records = TestCsv.Records(body);
        Assert.Equal(["srnumber", "requesttype", "address"], records[0]);
        Assert.Equal(expected.Select(row => new[] { row["SRNumber"], row["RequestType"], row["Address"] }), records.Skip(1));
        Assert.Equal(["srnumber", "requesttype", "address"], JsonSerializer.Deserialize<string[]>(response.Headers.GetValues("X-SODA2-Fields").Single())!);
    }

    [Fact]
    public async Task Csv_with_bom_starts_with_the_utf8_byte_order_mark()
    {
        byte[] body = await portal.Client.GetByteArrayAsync($"{s_la}.csv?$select=srnumber&$limit=1&$$bom=true");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, body[..3]);
    }

    [Fact]
    public async Task Without_an_extension_the_accept_header_picks_the_format()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{s_la}?$select=srnumber&$limit=2");
        request.Headers.Accept.ParseAdd("text/csv");
        using HttpResponseMessage csv = await portal.Client.SendAsync(request);
        using HttpResponseMessage json = await portal.Client.GetAsync($"{s_la}?$select=srnumber&$limit=2");
        using var both = new HttpRequestMessage(HttpMethod.Get, $"{s_la}.json?$select=srnumber&$limit=2");
        both.Headers.Accept.ParseAdd("text/csv");
        using HttpResponseMessage extensionWins = await portal.Client.SendAsync(both);

        Assert.Equal("text/csv; charset=UTF-8", csv.Content.Headers.GetValues("Content-Type").Single());
        Assert.Equal("application/json; charset=UTF-8", json.Content.Headers.GetValues("Content-Type").Single());
        Assert.Equal("application/json; charset=UTF-8", extensionWins.Content.Headers.GetValues("Content-Type").Single());
    }

    [Fact]
    public async Task GeoJson_is_a_feature_collection_with_the_boundaries_as_geometry()
    {
        using JsonDocument source = JsonDocument.Parse(await File.ReadAllTextAsync(SharedData.CouncilDistricts));
        int features = source.RootElement.GetProperty("features").GetArrayLength();

        using HttpResponseMessage response = await portal.Client.GetAsync($"/resource/{PortalFixture.CouncilDistricts.Value}.geojson");
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/vnd.geo+json; charset=UTF-8", response.Content.Headers.GetValues("Content-Type").Single());
        JsonElement root = document.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.Equal(features, root.GetProperty("features").GetArrayLength());
        Assert.All(root.GetProperty("features").EnumerateArray(), feature =>
        {
            Assert.Equal("Feature", feature.GetProperty("type").GetString());
            Assert.Equal("MultiPolygon", feature.GetProperty("geometry").GetProperty("type").GetString());
            Assert.Equal(JsonValueKind.Object, feature.GetProperty("properties").ValueKind);
        });
        Assert.Equal("urn:ogc:def:crs:OGC:1.3:CRS84", root.GetProperty("crs").GetProperty("properties").GetProperty("name").GetString());
    }

    [Fact]
    public async Task System_fields_are_included_only_when_asked()
    {
        JsonElement plain = await GetJsonAsync($"{s_la}.json?$limit=1");
        JsonElement withSystem = await GetJsonAsync($"{s_la}.json?$limit=1&$$exclude_system_fields=false");

        Assert.False(plain[0].TryGetProperty(":id", out _));
        Assert.True(withSystem[0].TryGetProperty(":id", out _));
    }

    [Fact]
    public async Task Unknown_double_dollar_parameters_are_ignored()
    {
        using HttpResponseMessage response = await portal.Client.GetAsync($"{s_la}.json?$limit=1&$$app_token=abc&$$read_from_nbe=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ordering_by_row_id_works_in_csv_as_rsocrata_pages()
    {
        using HttpResponseMessage first = await portal.Client.GetAsync($"{s_la}.csv?$order=:id&$limit=2");
        using HttpResponseMessage next = await portal.Client.GetAsync($"{s_la}.csv?$order=:id&$limit=2&$offset=2");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        List<string[]> page1 = TestCsv.Records(await first.Content.ReadAsStringAsync());
        List<string[]> page2 = TestCsv.Records(await next.Content.ReadAsStringAsync());
        Assert.Equal(3, page1.Count);
        Assert.Equal(page1[0], page2[0]);
        Assert.Empty(page1.Skip(1).Select(row => row[0]).Intersect(page2.Skip(1).Select(row => row[0])));
    }

    [Fact]
    public async Task A_whole_soql_statement_in_query_is_run()
    {
        int expected = La311Source.Rows.Count(row => row["RequestType"] == "Bulky Items");

        JsonElement rows = await GetJsonAsync($"{s_la}.json?$query=SELECT count(*) AS n WHERE requesttype = 'Bulky Items'");

        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), rows[0].GetProperty("n").GetString());
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using HttpResponseMessage response = await portal.Client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} → {(int)response.StatusCode}: {body}");
        using JsonDocument document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
