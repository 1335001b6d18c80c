using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CivicData.Web.Tests.Infrastructure;

namespace CivicData.Web.Tests.Soda;

/// <summary>CORS, compression, conditional requests and app tokens on every SODA read endpoint, over a real socket.</summary>
[Collection(PortalCollection.Name)]
public sealed class SodaHttpConventionTests(PortalFixture portal)
{
    private const string Origin = "https://dashboard.example.org";

    private static readonly string s_id = PortalFixture.La311.Value;

    /// <summary>Every read endpoint of the SODA family, each answering 200 to an anonymous GET.</summary>
    public static TheoryData<string> ReadUrls => new()
    {
        $"/resource/{s_id}.json?$limit=2",
        $"/resource/{s_id}.csv?$limit=2",
        $"/resource/{s_id}.geojson?$limit=2",
        $"/api/views/{s_id}.json",
        $"/api/views/{s_id}/rows.csv?accessType=DOWNLOAD",
        $"/api/views/{s_id}/rows.json?accessType=DOWNLOAD",
        "/api/views/metadata/v1?limit=2",
        $"/api/views/metadata/v1/{s_id}",
        "/api/catalog/v1?limit=2",
        "/api/catalog/v1/domain_tags",
    };

    [Theory]
    [MemberData(nameof(ReadUrls))]
    public async Task A_preflight_for_a_get_with_an_app_token_header_is_allowed_from_any_origin(string url)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, url);
        preflight.Headers.Add("Origin", Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-app-token");

        using HttpResponseMessage response = await portal.Client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Contains("x-app-token", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_preflight_for_a_write_gets_no_cors_permission()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"/resource/{s_id}.json");
        preflight.Headers.Add("Origin", Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "DELETE");

        using HttpResponseMessage response = await portal.Client.SendAsync(preflight);

        Assert.False(
            response.Headers.TryGetValues("Access-Control-Allow-Methods", out IEnumerable<string>? methods) && methods.Any(m => m.Contains("DELETE", StringComparison.Ordinal)),
            "DELETE must not be allowed cross-origin");
    }

    [Theory]
    [MemberData(nameof(ReadUrls))]
    public async Task A_cross_origin_get_may_read_the_soda_headers(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", Origin);

        using HttpResponseMessage response = await portal.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        string exposed = response.Headers.GetValues("Access-Control-Expose-Headers").Single();
        foreach (string header in new[] { "X-SODA2-Fields", "X-SODA2-Types", "X-SODA2-Truth-Last-Modified", "ETag", "Last-Modified" })
        {
            Assert.Contains(header, exposed, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(ReadUrls))]
    public async Task App_tokens_in_the_query_string_or_the_header_are_accepted(string url)
    {
        using HttpResponseMessage plain = await portal.Client.GetAsync(url);
        using HttpResponseMessage queryToken = await portal.Client.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "$$app_token=aBcD1234");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-App-Token", "aBcD1234");
        using HttpResponseMessage headerToken = await portal.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, queryToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, headerToken.StatusCode);
        if (!url.StartsWith("/api/catalog/", StringComparison.Ordinal))
        {
            // The Discovery API reports its own timings, so only the others answer byte for byte the same.
            Assert.Equal(await Body(plain), await Body(headerToken));
        }
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Json_csv_and_geojson_are_compressed_when_the_client_accepts_it(string encoding)
    {
        foreach (string url in new[] { $"/resource/{s_id}.json?$limit=200", $"/resource/{s_id}.csv?$limit=200", $"/resource/{s_id}.geojson?$limit=200", $"/api/views/{s_id}.json" })
        {
            string expected = await portal.Client.GetStringAsync(url);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

            using HttpResponseMessage response = await portal.Client.SendAsync(request);
            byte[] compressed = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.True(compressed.Length < Encoding.UTF8.GetByteCount(expected) / 2, $"{url}: {compressed.Length} bytes compressed");
            Assert.Equal(expected, Decompress(compressed, encoding));
        }
    }

    [Fact]
    public async Task Brotli_is_preferred_to_gzip()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/resource/{s_id}.json?$limit=5");
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");

        using HttpResponseMessage response = await portal.Client.SendAsync(request);

        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_compressed_full_download_is_streamed_in_chunks_and_holds_every_row()
    {
        string url = $"/api/views/{s_id}/rows.csv";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using HttpResponseMessage response = await portal.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.True(response.Headers.TransferEncodingChunked);
        await using Stream body = await response.Content.ReadAsStreamAsync();
        await using var gzip = new GZipStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        List<Dictionary<string, string>> rows = TestCsv.ParseRows(await reader.ReadToEndAsync());

        Assert.Equal(La311Source.Rows.Count, rows.Count);
    }

    [Fact]
    public async Task Portal_pages_are_never_compressed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");

        using HttpResponseMessage response = await portal.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task If_modified_since_the_last_change_gets_304_and_an_earlier_date_gets_the_rows()
    {
        string url = $"/resource/{s_id}.json?$limit=1";
        using HttpResponseMessage first = await portal.Client.GetAsync(url);
        DateTimeOffset lastModified = first.Content.Headers.LastModified!.Value;

        using var same = new HttpRequestMessage(HttpMethod.Get, url);
        same.Headers.IfModifiedSince = lastModified;
        using HttpResponseMessage notModified = await portal.Client.SendAsync(same);
        using var earlier = new HttpRequestMessage(HttpMethod.Get, url);
        earlier.Headers.IfModifiedSince = lastModified.AddSeconds(-1);
        using HttpResponseMessage modified = await portal.Client.SendAsync(earlier);
        using var both = new HttpRequestMessage(HttpMethod.Get, url);
        both.Headers.IfModifiedSince = lastModified;
        both.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"another\""));
        using HttpResponseMessage etagWins = await portal.Client.SendAsync(both);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, etagWins.StatusCode);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("geojson")]
    public async Task Every_format_carries_the_soda2_headers_with_sodas_values(string format)
    {
        JsonElement view = JsonDocument.Parse(await portal.Client.GetStringAsync($"/api/views/{PortalFixture.SfInspections.Value}.json")).RootElement;
        long rowsUpdatedAt = view.GetProperty("rowsUpdatedAt").GetInt64();

        using HttpResponseMessage response = await portal.Client.GetAsync($"/resource/{PortalFixture.SfInspections.Value}.{format}?$select=business_id,date,score&$limit=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""["business_id","date","score"]""", response.Headers.GetValues("X-SODA2-Fields").Single());
        Assert.Equal("""["number","floating_timestamp","number"]""", response.Headers.GetValues("X-SODA2-Types").Single());
        Assert.Equal("false", response.Headers.GetValues("X-SODA2-Legacy-Types").Single());
        Assert.Equal("false", response.Headers.GetValues("X-SODA2-Data-Out-Of-Date").Single());
        string truth = response.Headers.GetValues("X-SODA2-Truth-Last-Modified").Single();
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(rowsUpdatedAt).ToString("r", CultureInfo.InvariantCulture), truth);
        Assert.True(response.Content.Headers.LastModified >= DateTimeOffset.FromUnixTimeSeconds(rowsUpdatedAt));
    }

    [Fact]
    public async Task Full_csv_download_may_include_the_system_fields()
    {
        List<string[]> without = TestCsv.Records(await portal.Client.GetStringAsync($"/api/views/{s_id}/rows.csv?$$exclude_system_fields=true"));
        List<string[]> with = TestCsv.Records(await portal.Client.GetStringAsync($"/api/views/{s_id}/rows.csv?$$exclude_system_fields=false"));

        Assert.Equal("SR Number", without[0][0]);
        Assert.Equal([":id", ":created_at", ":updated_at"], with[0][..3]);
        Assert.Equal(without[0], with[0][3..]);
        Assert.Equal(without.Count, with.Count);
        Assert.All(with.Skip(1), record => Assert.StartsWith("row-", record[0], StringComparison.Ordinal));
        Assert.Equal(with.Count - 1, with.Skip(1).Select(record => record[0]).Distinct().Count());
    }

    private static async Task<string> Body(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    private static string Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br"
            ? new BrotliStream(input, CompressionMode.Decompress)
            : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decoder, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
