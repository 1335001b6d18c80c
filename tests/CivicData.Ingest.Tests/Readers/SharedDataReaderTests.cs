using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Ingest.Readers;
using CivicData.Ingest.Tests.Fixtures;

namespace CivicData.Ingest.Tests.Readers;

/// <summary>
/// Reads every real file in the shared data folder. Expected counts and values were taken independently with Python's
/// csv and json modules (see the shared data README and SOURCE.md files), not with these readers.
/// </summary>
public sealed class SharedDataReaderTests
{
    [Fact]
    public async Task La_311_has_10000_rows_of_33_columns()
    {
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(SharedData.La311);

        Assert.Equal(
            [
                "SRNumber", "CreatedDate", "UpdatedDate", "ActionTaken", "Owner", "RequestType", "Status", "RequestSource",
                "MobileOS", "Anonymous", "AssignTo", "ServiceDate", "ClosedDate", "AddressVerified", "ApproximateAddress",
                "Address", "HouseNumber", "Direction", "StreetName", "Suffix", "ZipCode", "Latitude", "Longitude", "Location",
                "TBMPage", "TBMColumn", "TBMRow", "APC", "CD", "CDMember", "NC", "NCName", "PolicePrecinct",
            ],
            reader.ColumnNames());

        long rows = 0;
        long missingLatitude = 0;
        while (await reader.ReadAsync(CancellationToken.None))
        {
            rows++;
            if (reader.GetValue(21) is "")
            {
                missingLatitude++;
            }

            if (rows == 1)
            {
                Assert.Equal("1-870704814", reader.GetValue(0));
                Assert.Equal("01/01/2018 12:00:09 AM", reader.GetValue(1));
                Assert.Equal("356 S BERENDO ST, 90020", reader.GetValue(15));
                Assert.Equal("34.0676390557", reader.GetValue(21));
                Assert.Equal("POINT (-118.294017712 34.0676390557)", reader.GetValue(23));
            }
            else if (rows == 10_000)
            {
                Assert.Equal("1-875045771", reader.GetValue(0));
                Assert.Equal("01/04/2018 09:33:23 AM", reader.GetValue(1));
                Assert.Equal("22171 W TIARA ST, 91367", reader.GetValue(15));
            }
        }

        Assert.Equal(10_000, rows);
        Assert.Equal(10_000, reader.RowNumber);
        Assert.Equal(1_102, missingLatitude);
    }

    [Theory]
    [InlineData("inspections", 14_233, new[] { "business_id", "score", "date", "type" }, new[] { "94612", "90", "20180123", "routine" })]
    [InlineData("violations", 39_006, new[] { "business_id", "date", "description" }, new[] { "94612", "20180123", "Wiping cloths not clean or properly stored or inadequate sanitizer" })]
    [InlineData("legend", 4, new[] { "Minimum_Score", "Maximum_Score", "Description" }, new[] { "91", "100", "Good" })]
    public async Task Sf_inspection_tables_have_their_published_row_counts(string table, long expectedRows, string[] expectedColumns, string[] expectedLastRow)
    {
        string path = table switch
        {
            "inspections" => SharedData.Inspections,
            "violations" => SharedData.Violations,
            _ => SharedData.Legend,
        };
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal(expectedColumns, reader.ColumnNames());
        (long rows, string?[] last) = await CountAsync(reader);
        Assert.Equal(expectedRows, rows);
        Assert.Equal(expectedLastRow, last);
    }

    [Fact]
    public async Task Sf_businesses_is_rejected_as_not_utf8_by_default()
    {
        var error = await Assert.ThrowsAsync<ValidationError>(async () =>
        {
            await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(SharedData.Businesses);
            await CountAsync(reader);
        });

        Assert.Equal("ingest.encoding", error.Code);
        Assert.Contains("line 2355", error.Message);
        Assert.Contains("--encoding windows-1252", error.Message);
    }

    [Fact]
    public async Task Sf_businesses_reads_with_windows_1252_and_decodes_the_enye()
    {
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(SharedData.Businesses, encoding: "windows-1252");

        Assert.Equal(
            ["business_id", "name", "address", "city", "state", "postal_code", "latitude", "longitude", "phone_number"],
            reader.ColumnNames());
        long rows = 0;
        string? tropisueno = null;
        while (await reader.ReadAsync(CancellationToken.None))
        {
            rows++;
            if (reader.GetValue(0) == "38566")
            {
                tropisueno = reader.GetValue(1);
            }
        }

        Assert.Equal(6_399, rows);
        Assert.Equal("TROPISUEÑO", tropisueno);
    }

    [Fact]
    public async Task The_council_lookup_has_100_rows()
    {
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(SharedData.CouncilLookup);

        Assert.Equal(
            ["council_id", "council_name", "full_name", "website", "twitter", "date_certified", "region_id", "region_name", "centroid", "latitude", "longitude", "data_code"],
            reader.ColumnNames());
        (long rows, string?[] last) = await CountAsync(reader);
        Assert.Equal(100, rows);
        Assert.Equal("Zapata King", last[1]);
        Assert.Equal("POINT (-118.2686572983062 34.00020608721262)", last[8]);
        Assert.Equal("125", last[11]);
    }

    [Fact]
    public async Task Neighborhood_councils_have_99_multipolygon_features()
    {
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(SharedData.NeighborhoodCouncils);

        Assert.Equal(["name", "waddress", "certified", "objectid", "service_re", "nc_id", "dwebsite", "the_geom"], reader.ColumnNames());
        Assert.Equal(SodaType.MultiPolygon, reader.Columns[^1].TypeHint);
        Assert.All(reader.Columns.SkipLast(1), c => Assert.Null(c.TypeHint));

        Assert.True(await reader.ReadAsync(CancellationToken.None));
        Assert.Equal("LINCOLN HEIGHTS NC", reader.GetValue(0));
        Assert.Equal("47", reader.GetValue(5));
        Assert.StartsWith("""{"type":"MultiPolygon","coordinates":[[[[-118.20502539484477,34.05558371591041]""", reader.GetValue(7));
        (long rest, string?[] last) = await CountAsync(reader);
        Assert.Equal(99, 1 + rest);
        Assert.Equal("NORTH WESTWOOD NC", last[0]);
        Assert.Equal("127", last[5]);
    }

    [Fact]
    public async Task Council_districts_have_15_features_and_nested_metadata_as_json()
    {
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(SharedData.CouncilDistricts);

        Assert.Equal(["kind", "external_id", "name", "slug", "set", "metadata", "resource_uri", "the_geom"], reader.ColumnNames());
        Assert.Equal(SodaType.Json, reader.Columns[5].TypeHint);
        Assert.Equal(SodaType.MultiPolygon, reader.Columns[7].TypeHint);

        Assert.True(await reader.ReadAsync(CancellationToken.None));
        Assert.Equal("10", reader.GetValue(2));
        Assert.Equal("""{"DISTRICT": "10"}""", reader.GetValue(5));
        Assert.StartsWith("""{ "type": "MultiPolygon", "coordinates": [ [ [ [ -118.291662, 34.069052 ]""", reader.GetValue(7));
        (long rest, string?[] last) = await CountAsync(reader);
        Assert.Equal(15, 1 + rest);
        Assert.Equal("9", last[2]);
        Assert.Equal("""{"DISTRICT": "09"}""", last[5]);
    }

    [Fact]
    public void The_sniffer_finds_commas_in_every_shared_csv()
    {
        foreach (string path in new[] { SharedData.La311, SharedData.CouncilLookup, SharedData.Businesses, SharedData.Inspections, SharedData.Violations, SharedData.Legend })
        {
            Assert.Equal(new CsvDialect(',', HasBom: false), CsvSniffer.Sniff(path));
        }
    }

    private static async Task<(long Rows, string?[] Last)> CountAsync(ITabularReader reader)
    {
        long rows = 0;
        string?[] last = [];
        while (await reader.ReadAsync(CancellationToken.None))
        {
            rows++;
            last = Enumerable.Range(0, reader.Columns.Count).Select(reader.GetValue).ToArray();
        }

        return (rows, last);
    }
}
