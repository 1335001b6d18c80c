using System.Buffers;
using System.Text;
using CivicData.Web.Downloads;

namespace CivicData.Web.Tests.Downloads;

/// <summary>The byte-level cell formats of the downloads, for values the sample data sets do not hold.</summary>
public sealed class DownloadCellFormatTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("\"", "\"\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("crlf\r\n", "\"crlf\r\n\"")]
    [InlineData("café, ünïcode", "\"café, ünïcode\"")]
    [InlineData("", "")]
    public void Csv_text_is_quoted_only_when_needed_and_quotes_are_doubled(string value, string expected)
    {
        var output = new ArrayBufferWriter<byte>();

        DownloadCellFormat.WriteCsvText(output, value);

        Assert.Equal(expected, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Theory]
    [InlineData(2014, 3, 26, 22, 38, 1, "03/26/2014 10:38:01 PM")]
    [InlineData(2018, 1, 1, 0, 0, 9, "01/01/2018 12:00:09 AM")]
    [InlineData(2018, 1, 1, 12, 0, 0, "01/01/2018 12:00:00 PM")]
    [InlineData(1999, 12, 31, 11, 59, 59, "12/31/1999 11:59:59 AM")]
    [InlineData(2020, 7, 4, 0, 0, 0, "07/04/2020 12:00:00 AM")]
    public void Timestamps_are_written_on_the_12_hour_clock(int year, int month, int day, int hour, int minute, int second, string expected)
    {
        var output = new ArrayBufferWriter<byte>();

        DownloadCellFormat.WriteUsTimestamp(output, new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified));

        Assert.Equal(expected, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Json_timestamps_are_iso_without_fraction_or_zone()
    {
        Span<byte> text = stackalloc byte[DownloadCellFormat.IsoTimestampBytes];

        DownloadCellFormat.FormatIsoTimestamp(new DateTime(2014, 3, 26, 22, 38, 1, 999, DateTimeKind.Unspecified), text);

        Assert.Equal("2014-03-26T22:38:01", Encoding.UTF8.GetString(text));
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(42.0, "42")]
    [InlineData(-118.294017712, "-118.294017712")]
    [InlineData(1e16, "10000000000000000")]
    [InlineData(1.5e-7, "0.00000015")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Numbers_are_plain_notation_like_soda(double value, string expected)
    {
        var output = new ArrayBufferWriter<byte>();

        DownloadCellFormat.WriteNumber(output, value);

        Assert.Equal(expected, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Negative_zero_is_written_as_zero()
    {
        var output = new ArrayBufferWriter<byte>();

        DownloadCellFormat.WriteNumber(output, -0.0);

        Assert.Equal("0", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Points_are_wkt_longitude_first()
    {
        var output = new ArrayBufferWriter<byte>();

        DownloadCellFormat.WritePointWkt(output, -118.294017712, 34.0676390557);

        Assert.Equal("POINT (-118.294017712 34.0676390557)", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Stored_geojson_polygons_become_wkt()
    {
        string wkt = DownloadCellFormat.ToWkt("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}""");

        Assert.Equal("POLYGON ((0 0, 1 0, 1 1, 0 0))", wkt);
    }
}
