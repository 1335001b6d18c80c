using System.Collections.Immutable;
using System.Data.Common;
using System.IO.Pipelines;
using System.Text;
using CivicData.Core.Schema;
using CivicData.Soql;
using CivicData.Web.Soda;
using CivicData.Web.Soda.Writers;
using DuckDB.NET.Data;

namespace CivicData.Web.Tests.Soda.Writers;

/// <summary>
/// Exact output of each writer over a small in-memory DuckDB table shaped like the store's version tables
/// (numbers as DOUBLE, timestamps as TIMESTAMP, points as STRUCT(lon, lat), geometries and JSON as text).
/// </summary>
public sealed class RowWriterTests : IAsyncLifetime
{
    private const string Select = "SELECT name, amount, ratio, flag, seen, stamped, place, area, link, extra FROM t ORDER BY seq";

    private static readonly ImmutableArray<OutputColumn> s_columns =
    [
        new("name", SodaType.Text),
        new("amount", SodaType.Number),
        new("ratio", SodaType.Double),
        new("flag", SodaType.Checkbox),
        new("seen", SodaType.FloatingTimestamp),
        new("stamped", SodaType.FixedTimestamp),
        new("place", SodaType.Point),
        new("area", SodaType.Polygon),
        new("link", SodaType.Url),
        new("extra", SodaType.Json),
    ];

    private readonly DuckDBConnection _connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await ExecuteAsync("""
            CREATE TABLE t (seq INTEGER, name VARCHAR, amount DOUBLE, ratio DOUBLE, flag BOOLEAN, seen TIMESTAMP, stamped TIMESTAMP,
                            place STRUCT(lon DOUBLE, lat DOUBLE), area VARCHAR, link VARCHAR, extra VARCHAR);
            INSERT INTO t VALUES
              (1, 'Café "Luna", Main St', 1.5, 0.25, true, TIMESTAMP '2018-01-01 00:00:09.123', TIMESTAMP '2018-01-02 03:04:05',
               {'lon': -118.25, 'lat': 34.05}, '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}',
               'https://example.com/a', '{"k":[1,2]}'),
              (2, NULL, 1e21, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL),
              (3, 'two
            lines', 42, 1e-7, NULL, TIMESTAMP '2014-10-13 00:00:00', NULL, {'lon': 2, 'lat': NULL}, NULL, NULL, NULL);
            """);
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task Json_writes_every_type_in_soda_form_and_omits_nulls()
    {
        string json = await WriteAsync(new JsonRowWriter(), Select);

        Assert.Equal(
            """[{"name":"Café \"Luna\", Main St","amount":"1.5","ratio":0.25,"flag":true,"seen":"2018-01-01T00:00:09.123","stamped":"2018-01-02T03:04:05.000Z","place":{"type":"Point","coordinates":[-118.25,34.05]},"area":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"link":{"url":"https://example.com/a"},"extra":{"k":[1,2]}},"""
            + """{"amount":"1000000000000000000000","flag":false},"""
            + """{"name":"two\nlines","amount":"42","ratio":0.0000001,"seen":"2014-10-13T00:00:00.000"}]""",
            json);
    }

    [Fact]
    public async Task Csv_quotes_per_rfc_4180_writes_points_as_wkt_and_nulls_as_empty_fields()
    {
        string csv = await WriteAsync(new CsvRowWriter(), Select);

        Assert.Equal(
            "name,amount,ratio,flag,seen,stamped,place,area,link,extra\n"
            + "\"Café \"\"Luna\"\", Main St\",1.5,0.25,true,2018-01-01T00:00:09.123,2018-01-02T03:04:05.000Z,POINT (-118.25 34.05),"
            + "\"{\"\"type\"\":\"\"Polygon\"\",\"\"coordinates\"\":[[[0,0],[1,0],[1,1],[0,0]]]}\",https://example.com/a,\"{\"\"k\"\":[1,2]}\"\n"
            + ",1000000000000000000000,,false,,,,,,\n"
            + "\"two\nlines\",42,0.0000001,,2014-10-13T00:00:00.000,,,,,\n",
            csv);
    }

    [Fact]
    public async Task Csv_starts_with_a_byte_order_mark_only_when_asked()
    {
        byte[] with = await WriteBytesAsync(new CsvRowWriter(byteOrderMark: true), "SELECT name FROM t WHERE seq = 1", [s_columns[0]]);
        byte[] without = await WriteBytesAsync(new CsvRowWriter(), "SELECT name FROM t WHERE seq = 1", [s_columns[0]]);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, with[..3]);
        Assert.Equal((byte)'n', without[0]);
        Assert.Equal(with[3..], without);
    }

    [Fact]
    public async Task GeoJson_uses_the_first_geometry_column_and_writes_other_nulls_explicitly()
    {
        string geoJson = await WriteAsync(new GeoJsonRowWriter(), Select + " LIMIT 2");

        Assert.Equal(
            """{"type":"FeatureCollection","features":["""
            + """{"type":"Feature","geometry":{"type":"Point","coordinates":[-118.25,34.05]},"properties":{"name":"Café \"Luna\", Main St","amount":"1.5","ratio":0.25,"flag":true,"seen":"2018-01-01T00:00:09.123","stamped":"2018-01-02T03:04:05.000Z","area":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"link":{"url":"https://example.com/a"},"extra":{"k":[1,2]}}},"""
            + """{"type":"Feature","geometry":null,"properties":{"name":null,"amount":"1000000000000000000000","ratio":null,"flag":false,"seen":null,"stamped":null,"area":null,"link":null,"extra":null}}],"""
            + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}}}",
            geoJson);
    }

    [Fact]
    public async Task GeoJson_without_a_geometry_column_has_null_geometries()
    {
        string geoJson = await WriteAsync(new GeoJsonRowWriter(), "SELECT name FROM t WHERE seq = 1", [new OutputColumn("name", SodaType.Text)]);

        Assert.Equal(
            """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"name":"Café \"Luna\", Main St"}}],"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}}}""",
            geoJson);
    }

    [Fact]
    public async Task Empty_results_are_an_empty_array_a_header_only_csv_and_an_empty_collection()
    {
        const string none = "SELECT name FROM t WHERE false";
        ImmutableArray<OutputColumn> columns = [new OutputColumn("name", SodaType.Text)];

        Assert.Equal("[]", await WriteAsync(new JsonRowWriter(), none, columns));
        Assert.Equal("name\n", await WriteAsync(new CsvRowWriter(), none, columns));
        Assert.Equal(
            """{"type":"FeatureCollection","features":[],"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}}}""",
            await WriteAsync(new GeoJsonRowWriter(), none, columns));
    }

    [Fact]
    public async Task Large_results_stream_through_several_flushes_without_losing_rows()
    {
        ImmutableArray<OutputColumn> columns = [new OutputColumn("n", SodaType.Number)];
        const string query = "SELECT CAST(i AS DOUBLE) AS n FROM range(2500) r(i)";

        string csv = await WriteAsync(new CsvRowWriter(), query, columns);
        string json = await WriteAsync(new JsonRowWriter(), query, columns);

        string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2501, lines.Length);
        Assert.Equal("2499", lines[^1]);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(2500, document.RootElement.GetArrayLength());
        Assert.Equal("1234", document.RootElement[1234].GetProperty("n").GetString());
    }

    [Fact]
    public async Task A_query_that_fails_on_its_first_row_leaves_the_output_untouched()
    {
        // Writers read a row before writing a byte, so such a failure can still become a proper error response.
        foreach (IRowWriter writer in new IRowWriter[] { new JsonRowWriter(), new CsvRowWriter(byteOrderMark: true), new GeoJsonRowWriter() })
        {
            await using DuckDBCommand command = _connection.CreateCommand();
            command.CommandText = "SELECT CAST(x AS INTEGER) AS n FROM (VALUES ('1'), ('x')) v(x)";
            using var buffer = new MemoryStream();
            var output = new StartTrackingPipeWriter(PipeWriter.Create(buffer));

            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await using DbDataReader reader = await command.ExecuteReaderAsync();
                await writer.WriteAsync(reader, [new OutputColumn("n", SodaType.Number)], output, CancellationToken.None);
            });

            Assert.False(output.Started);
        }
    }

    [Fact]
    public void Content_types_are_exactly_what_soda_clients_match()
    {
        Assert.Equal("application/json; charset=UTF-8", new JsonRowWriter().ContentType);
        Assert.Equal("text/csv; charset=UTF-8", new CsvRowWriter().ContentType);
        Assert.Equal("application/vnd.geo+json; charset=UTF-8", new GeoJsonRowWriter().ContentType);
    }

    private async Task<string> WriteAsync(IRowWriter writer, string sql, ImmutableArray<OutputColumn>? columns = null) =>
        Encoding.UTF8.GetString(await WriteBytesAsync(writer, sql, columns));

    private async Task<byte[]> WriteBytesAsync(IRowWriter writer, string sql, ImmutableArray<OutputColumn>? columns = null)
    {
        await using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        using var buffer = new MemoryStream();
        PipeWriter output = PipeWriter.Create(buffer, new StreamPipeWriterOptions(leaveOpen: true));
        await writer.WriteAsync(reader, columns ?? s_columns, output, CancellationToken.None);
        await output.CompleteAsync();
        return buffer.ToArray();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
