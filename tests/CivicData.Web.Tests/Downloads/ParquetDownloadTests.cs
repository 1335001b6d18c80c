using System.Globalization;
using System.Net;
using System.Text.Json;
using CivicData.Web.Tests.Infrastructure;

namespace CivicData.Web.Tests.Downloads;

/// <summary>
/// GET /api/views/{id}/rows.parquet over a real socket, read back with Parquet.Net and checked against the LA 311
/// source file and /api/views.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ParquetDownloadTests(PortalFixture portal)
{
    private const string UsTimestamp = "MM/dd/yyyy hh:mm:ss tt";

    private static readonly string s_url = $"/api/views/{PortalFixture.La311.Value}/rows.parquet";

    [Fact]
    public async Task Parquet_has_every_row_with_columns_named_by_field_name_in_position_order()
    {
        JsonElement view = JsonDocument.Parse(await portal.Client.GetStringAsync($"/api/views/{PortalFixture.La311.Value}.json")).RootElement;
        string[] fieldNames = [.. view.GetProperty("columns").EnumerateArray()
            .OrderBy(column => column.GetProperty("position").GetInt32())
            .Select(column => column.GetProperty("fieldName").GetString()!)];

        ParquetTable table = await DownloadAsync(s_url);

        Assert.Equal(fieldNames, table.Names);
        Assert.Equal(La311Source.Rows.Count, table.RowCount);
        Assert.Equal(
            La311Source.Rows.Select(row => row["SRNumber"]).Order(StringComparer.Ordinal),
            table["srnumber"].Cast<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Parquet_values_are_typed_and_equal_to_the_source_file()
    {
        ParquetTable table = await DownloadAsync(s_url);
        Dictionary<string, string> source = La311Source.Rows.First(row => row["Latitude"] != "" && row["CD"] != "");
        int row = table["srnumber"].IndexOf(source["SRNumber"]);

        Assert.Equal(typeof(double), table.Types[table.Names.ToList().IndexOf("cd")]);
        Assert.Equal(double.Parse(source["CD"], CultureInfo.InvariantCulture), (double)table["cd"][row]!);
        Assert.Equal(double.Parse(source["Latitude"], CultureInfo.InvariantCulture), (double)table["latitude"][row]!, 9);
        Assert.Equal(DateTime.ParseExact(source["CreatedDate"], UsTimestamp, CultureInfo.InvariantCulture), (DateTime)table["createddate"][row]!);
        Assert.Equal(source["Address"], table["address"][row]);
        Assert.Equal(source["RequestType"], table["requesttype"][row]);

        // Points are WKT, longitude first, as in CSV.
        string wkt = (string)table["location"][row]!;
        Assert.StartsWith("POINT (", wkt, StringComparison.Ordinal);
        double[] lonLat = [.. wkt["POINT (".Length..^1].Split(' ').Select(part => double.Parse(part, CultureInfo.InvariantCulture))];
        Assert.Equal(double.Parse(source["Longitude"], CultureInfo.InvariantCulture), lonLat[0], 9);
        Assert.Equal(double.Parse(source["Latitude"], CultureInfo.InvariantCulture), lonLat[1], 9);
    }

    [Fact]
    public async Task Nulls_stay_null_in_parquet()
    {
        ParquetTable table = await DownloadAsync(s_url);
        Dictionary<string, string> source = La311Source.Rows.First(row => row["Latitude"] == "");
        int row = table["srnumber"].IndexOf(source["SRNumber"]);

        Assert.Null(table["latitude"][row]);
        Assert.Null(table["location"][row]);
    }

    [Fact]
    public async Task Parquet_may_include_the_system_fields()
    {
        ParquetTable table = await DownloadAsync(s_url + "?$$exclude_system_fields=false");

        Assert.Equal([":id", ":created_at", ":updated_at"], table.Names.Take(3));
        Assert.Equal("srnumber", table.Names[3]);
        Assert.Equal(table.RowCount, table[":id"].Distinct().Count());
        Assert.All(table[":created_at"], value => Assert.IsType<DateTime>(value));
    }

    [Fact]
    public async Task Parquet_is_an_attachment_with_sodas_headers_an_etag_and_304()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, s_url);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using HttpResponseMessage first = await portal.Client.SendAsync(request);
        byte[] body = await first.Content.ReadAsByteArrayAsync();
        using var conditional = new HttpRequestMessage(HttpMethod.Get, s_url);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using HttpResponseMessage second = await portal.Client.SendAsync(conditional);
        using HttpResponseMessage csv = await portal.Client.GetAsync($"/api/views/{PortalFixture.La311.Value}/rows.csv");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/vnd.apache.parquet", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal("MyLA311_Service_Requests_test.parquet", first.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal("attachment", first.Content.Headers.ContentDisposition.DispositionType);
        Assert.Equal(body.Length, first.Content.Headers.ContentLength);
        Assert.Empty(first.Content.Headers.ContentEncoding); // Parquet is compressed already
        Assert.Equal("PAR1"u8.ToArray(), body[..4]);
        Assert.Equal("PAR1"u8.ToArray(), body[^4..]);
        Assert.Contains("srnumber", first.Headers.GetValues("X-SODA2-Fields").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.NotEqual(first.Headers.ETag, csv.Headers.ETag);
    }

    [Fact]
    public async Task Private_and_draft_datasets_have_no_parquet_download()
    {
        foreach (string id in new[] { PortalFixture.PrivateLegend.Value, PortalFixture.DraftPermits.Value })
        {
            using HttpResponseMessage response = await portal.Client.GetAsync($"/api/views/{id}/rows.parquet");
            JsonElement error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not_found", error.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task No_temporary_file_is_left_behind()
    {
        string[] before = Directory.GetFiles(Path.GetTempPath(), "civicdata-export-*.parquet");

        await DownloadAsync(s_url);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, s_url);
        conditional.Headers.IfNoneMatch.ParseAdd("*");
        using HttpResponseMessage notModified = await portal.Client.SendAsync(conditional);

        Assert.Equal(before.Order(), Directory.GetFiles(Path.GetTempPath(), "civicdata-export-*.parquet").Order());
    }

    private async Task<ParquetTable> DownloadAsync(string url)
    {
        using HttpResponseMessage response = await portal.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using Stream body = await response.Content.ReadAsStreamAsync();
        return await ParquetTable.ReadAsync(body);
    }
}
