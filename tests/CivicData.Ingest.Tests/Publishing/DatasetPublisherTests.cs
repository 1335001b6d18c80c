using System.Collections.Immutable;
using System.Globalization;
using CivicData.Catalog.Datasets;
using CivicData.Core;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;
using CivicData.Ingest.Publishing;
using CivicData.Ingest.Tests.Fixtures;
using CivicData.Storage.Loading;

namespace CivicData.Ingest.Tests.Publishing;

public sealed class DatasetPublisherTests
{
    private static readonly DatasetId s_la = DatasetId.Parse("la31-test");

    [Fact]
    public async Task La_311_csv_loads_every_row_with_inferred_types()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        List<Dictionary<string, string>> source = TestCsv.Read(SharedData.La311);

        PublishResult result = await fixture.PublishAsync(new PublishRequest { Path = SharedData.La311, Id = s_la, Title = "LA 311" });

        Assert.Equal(source.Count, result.RowCount);
        Assert.Equal(10_000, result.RowCount);
        DatasetVersion version = await fixture.CurrentVersionAsync(s_la);
        Dictionary<string, SodaType> types = version.Columns.ToDictionary(c => c.FieldName, c => c.Type);
        Assert.Equal(33, version.Columns.Length);
        Assert.Equal(SodaType.Text, types["srnumber"]);
        Assert.Equal(SodaType.FloatingTimestamp, types["createddate"]);
        Assert.Equal(SodaType.FloatingTimestamp, types["closeddate"]);
        Assert.Equal(SodaType.Number, types["latitude"]);
        Assert.Equal(SodaType.Number, types["cd"]);
        Assert.Equal(SodaType.Point, types["location"]);
        Assert.Equal(SodaType.Text, types["anonymous"]);
        Assert.Equal("Created Date", version.Columns.Single(c => c.FieldName == "createddate").DisplayName);
    }

    [Fact]
    public async Task La_311_values_match_the_source_file()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        List<Dictionary<string, string>> source = TestCsv.Read(SharedData.La311);
        await fixture.PublishAsync(new PublishRequest { Path = SharedData.La311, Id = s_la });

        int bulky = source.Count(r => r["RequestType"] == "Bulky Items");
        int district5 = source.Count(r => r["CD"] == "5");
        int withoutPoint = source.Count(r => r["Location"].Length == 0);
        double latitudeSum = source.Where(r => r["Latitude"].Length > 0).Sum(r => double.Parse(r["Latitude"], CultureInfo.InvariantCulture));
        Dictionary<string, string> first = source[0];

        Assert.Equal((long)bulky, (await fixture.QueryAsync(s_la, "SELECT count(*) FROM {table} WHERE requesttype = $1", "Bulky Items"))[0][0]);
        Assert.Equal((long)district5, (await fixture.QueryAsync(s_la, "SELECT count(*) FROM {table} WHERE cd = 5"))[0][0]);
        Assert.Equal((long)withoutPoint, (await fixture.QueryAsync(s_la, "SELECT count(*) FROM {table} WHERE location IS NULL"))[0][0]);
        Assert.Equal(latitudeSum, (double)(await fixture.QueryAsync(s_la, "SELECT sum(latitude) FROM {table}"))[0][0]!, 6);
        object?[] row = (await fixture.QueryAsync(s_la, "SELECT srnumber, createddate, location.lon, location.lat, address FROM {table} ORDER BY \":seq\" LIMIT 1"))[0];
        Assert.Equal(first["SRNumber"], row[0]);
        Assert.Equal(DateTime.ParseExact(first["CreatedDate"], "MM/dd/yyyy hh:mm:ss tt", CultureInfo.InvariantCulture), row[1]);
        Assert.Equal(double.Parse(first["Longitude"], CultureInfo.InvariantCulture), (double)row[2]!, 9);
        Assert.Equal(double.Parse(first["Latitude"], CultureInfo.InvariantCulture), (double)row[3]!, 9);
        Assert.Equal(first["Address"], row[4]);
    }

    [Fact]
    public async Task Inspection_dates_without_separators_stay_numbers_unless_overridden()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        List<Dictionary<string, string>> source = TestCsv.Read(SharedData.Inspections);

        PublishResult inferred = await fixture.PublishAsync(new PublishRequest { Path = SharedData.Inspections });
        PublishResult typed = await fixture.PublishAsync(new PublishRequest
        {
            Path = SharedData.Inspections,
            TypeOverrides = ImmutableDictionary<string, SodaType>.Empty.Add("date", SodaType.FloatingTimestamp),
        });

        Assert.Equal(source.Count, typed.RowCount);
        Assert.Equal(SodaType.Number, (await fixture.CurrentVersionAsync(inferred.Id)).Columns.Single(c => c.FieldName == "date").Type);
        Assert.Equal(SodaType.Number, (await fixture.CurrentVersionAsync(typed.Id)).Columns.Single(c => c.FieldName == "score").Type);
        Assert.Equal(SodaType.FloatingTimestamp, (await fixture.CurrentVersionAsync(typed.Id)).Columns.Single(c => c.FieldName == "date").Type);
        int in2017 = source.Count(r => r["date"].StartsWith("2017", StringComparison.Ordinal));
        Assert.Equal((long)in2017, (await fixture.QueryAsync(typed.Id, "SELECT count(*) FROM {table} WHERE year(date) = 2017"))[0][0]);
    }

    [Fact]
    public async Task Non_utf8_file_fails_clearly_and_loads_with_its_encoding_and_a_derived_point()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();

        ValidationError error = await Assert.ThrowsAsync<ValidationError>(() => fixture.PublishAsync(new PublishRequest { Path = SharedData.Businesses }));
        int afterFailure = await fixture.Catalog.CountDatasetsAsync(CancellationToken.None);
        PublishResult result = await fixture.PublishAsync(new PublishRequest { Path = SharedData.Businesses, Encoding = "windows-1252" });

        Assert.Equal("ingest.encoding", error.Code);
        Assert.Equal(0, afterFailure);
        Assert.Equal(6_399, result.RowCount);
        DatasetVersion version = await fixture.CurrentVersionAsync(result.Id);
        ColumnSchema location = version.Columns.Single(c => c.Type == SodaType.Point);
        Assert.Equal("location", location.FieldName);
        Assert.Equal((long)(6_399 - 3_159), (await fixture.QueryAsync(result.Id, "SELECT count(location) FROM {table}"))[0][0]);
        Assert.Contains((await fixture.QueryAsync(result.Id, "SELECT name FROM {table} WHERE name LIKE '%Ñ%' LIMIT 1")), r => ((string)r[0]!).Contains('Ñ', StringComparison.Ordinal));
    }

    [Fact]
    public async Task GeoJson_features_become_rows_with_a_multipolygon_column()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();

        PublishResult result = await fixture.PublishAsync(new PublishRequest { Path = SharedData.CouncilDistricts });

        Assert.Equal(15, result.RowCount);
        DatasetVersion version = await fixture.CurrentVersionAsync(result.Id);
        Assert.Equal(SodaType.MultiPolygon, version.Columns.Single(c => c.FieldName == "the_geom").Type);
        string geometry = (string)(await fixture.QueryAsync(result.Id, "SELECT the_geom FROM {table} WHERE name = '5'"))[0][0]!;
        Assert.StartsWith("{\"type\":\"MultiPolygon\"", geometry.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neighborhood_council_boundaries_load_all_99_features_with_their_properties()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();

        PublishResult result = await fixture.PublishAsync(new PublishRequest { Path = SharedData.NeighborhoodCouncils });

        Assert.Equal(99, result.RowCount);
        DatasetVersion version = await fixture.CurrentVersionAsync(result.Id);
        Assert.Contains(version.Columns, c => c.FieldName == "nc_id");
        Assert.Equal(["LINCOLN HEIGHTS NC"], (await fixture.QueryAsync(result.Id, "SELECT name FROM {table} WHERE name = 'LINCOLN HEIGHTS NC'")).Select(r => r[0]));
        Assert.Equal(99L, (await fixture.QueryAsync(result.Id, "SELECT count(*) FROM {table} WHERE json_extract_string(the_geom, '$.type') = 'MultiPolygon'"))[0][0]);
    }

    [Theory]
    [InlineData("rows.tsv", "name\tcount\twhen\nalpha\t3\t2024-01-02T03:04:05\nbeta\t4\t2024-02-03T00:00:00\n")]
    [InlineData("rows.csv", "name;count;when\nalpha;3;01/02/2024 03:04:05 AM\nbeta;4;02/03/2024 12:00:00 AM\n")]
    [InlineData("rows.txt", "name|count|when\nalpha|3|2024-01-02 03:04:05\nbeta|4|2024-02-03\n")]
    [InlineData("rows.json", "[{\"name\":\"alpha\",\"count\":3,\"when\":\"2024-01-02T03:04:05\"},{\"name\":\"beta\",\"count\":4,\"when\":\"2024-02-03\"}]")]
    [InlineData("rows.ndjson", "{\"name\":\"alpha\",\"count\":3,\"when\":\"2024-01-02T03:04:05\"}\n\n{\"name\":\"beta\",\"count\":4,\"when\":\"2024-02-03\"}\n")]
    public async Task Every_text_format_loads_the_same_typed_rows(string fileName, string content)
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        string path = fixture.WriteFile(fileName, content);

        PublishResult result = await fixture.PublishAsync(new PublishRequest { Path = path });

        DatasetVersion version = await fixture.CurrentVersionAsync(result.Id);
        Assert.Equal([SodaType.Text, SodaType.Number, SodaType.FloatingTimestamp], version.Columns.Select(c => c.Type));
        List<object?[]> rows = await fixture.QueryAsync(result.Id, "SELECT name, count, \"when\" FROM {table} ORDER BY \":seq\"");
        Assert.Equal(["alpha", 3.0, new DateTime(2024, 1, 2, 3, 4, 5)], rows[0]);
        Assert.Equal(["beta", 4.0, new DateTime(2024, 2, 3)], rows[1]);
    }

    [Fact]
    public async Task Xlsx_sheet_loads_with_dates_numbers_and_checkboxes()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        string path = Path.Combine(fixture.Directory, "permits.xlsx");
        XlsxWorkbookWriter.Write(path,
            new XlsxSheet("Notes", [["ignored"]]),
            new XlsxSheet("Permits", [["Permit No", "Fee", "Issued", "Paid"], ["P-1", 120.5, new DateTime(2024, 3, 1, 9, 30, 0), true], ["P-2", 80, new DateTime(2024, 3, 2), false]]));

        PublishResult result = await fixture.PublishAsync(new PublishRequest { Path = path, Sheet = "Permits" });

        DatasetVersion version = await fixture.CurrentVersionAsync(result.Id);
        Assert.Equal(["permit_no", "fee", "issued", "paid"], version.Columns.Select(c => c.FieldName));
        Assert.Equal([SodaType.Text, SodaType.Number, SodaType.FloatingTimestamp, SodaType.Checkbox], version.Columns.Select(c => c.Type));
        Assert.Equal(
            [["P-1", 120.5, new DateTime(2024, 3, 1, 9, 30, 0), true], ["P-2", 80.0, new DateTime(2024, 3, 2), false]],
            await fixture.QueryAsync(result.Id, "SELECT permit_no, fee, issued, paid FROM {table} ORDER BY \":seq\""));
    }

    [Fact]
    public async Task Inference_finds_checkbox_url_wkt_point_and_keeps_codes_as_text()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        string path = fixture.WriteFile("mixed.csv",
            "open,site,where,zip,phone,ratio\n" +
            "true,https://a.example.org/x,POINT (-118.1 34.1),02134,+14155550100,0.5\n" +
            "FALSE,http://b.example.org,POINT (-118.2 34.2),90020,+14155550101,-2\n" +
            ",,,,,\n");

        PublishResult result = await fixture.PublishAsync(new PublishRequest { Path = path });

        DatasetVersion version = await fixture.CurrentVersionAsync(result.Id);
        Assert.Equal(
            [SodaType.Checkbox, SodaType.Url, SodaType.Point, SodaType.Text, SodaType.Text, SodaType.Number],
            version.Columns.Select(c => c.Type));
        Assert.Equal(
            [[true, "02134", -118.1, 0.5], [false, "90020", -118.2, -2.0], [null, null, null, null]],
            await fixture.QueryAsync(result.Id, "SELECT open, zip, \"where\".lon, ratio FROM {table} ORDER BY \":seq\""));
    }

    [Fact]
    public async Task Tables_left_by_an_interrupted_load_are_dropped_and_current_ones_kept()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        PublishResult published = await fixture.PublishAsync(new PublishRequest { Path = fixture.WriteFile("v.csv", "a\n1\n") });
        string current = (await fixture.CurrentVersionAsync(published.Id)).TableName;
        await fixture.QueryTableAsync("stage_deadbeef", "CREATE TABLE {table} (rn BIGINT)");
        await fixture.QueryTableAsync("ds_gone_0001_v1_abcdef", "CREATE TABLE {table} (x INT)");

        await fixture.Publisher.RemoveOrphansAsync(CancellationToken.None);

        Assert.Equal([current], await fixture.Store.ListTablesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Replace_makes_a_new_version_and_keeps_the_old_one()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        DatasetId id = DatasetId.Parse("repl-0001");
        await fixture.PublishAsync(new PublishRequest { Path = fixture.WriteFile("v1.csv", "a,b\n1,x\n2,y\n"), Id = id, Title = "First" });

        PublishResult second = await fixture.PublishAsync(new PublishRequest { Path = fixture.WriteFile("v2.csv", "a,b\n3,z\n"), Id = id, Mode = PublishMode.Replace });

        Assert.Equal(2, second.Version);
        Assert.Equal([[3.0, "z"]], await fixture.QueryAsync(id, "SELECT a, b FROM {table}"));
        IReadOnlyList<DatasetVersion> versions = await fixture.Catalog.ListVersionsAsync(id, CancellationToken.None);
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.Equal(2, (await fixture.QueryTableAsync(versions[1].TableName, "SELECT count(*) FROM {table}"))[0][0] is long n ? n : -1);
        Assert.Equal("First", (await fixture.Catalog.FindDatasetAsync(id, CancellationToken.None))!.Metadata.Title);
    }

    [Fact]
    public async Task Append_adds_rows_after_the_current_ones()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        DatasetId id = DatasetId.Parse("appd-0001");
        await fixture.PublishAsync(new PublishRequest { Path = fixture.WriteFile("v1.csv", "a,b\n1,x\n2,y\n"), Id = id });

        await fixture.PublishAsync(new PublishRequest { Path = fixture.WriteFile("v2.csv", "b,a\nz,3\n"), Id = id, Mode = PublishMode.Append });

        Assert.Equal([[1.0, "x"], [2.0, "y"], [3.0, "z"]], await fixture.QueryAsync(id, "SELECT a, b FROM {table} ORDER BY \":seq\""));
    }

    [Fact]
    public async Task Upsert_by_row_identifier_updates_in_place_and_adds_new_rows()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        DatasetId id = DatasetId.Parse("upst-0001");
        await fixture.PublishAsync(new PublishRequest { Path = fixture.WriteFile("v1.csv", "Case Id,Status\nA-1,Open\nA-2,Open\n"), Id = id, RowIdentifier = "Case Id" });
        List<object?[]> before = await fixture.QueryAsync(id, "SELECT \":id\" FROM {table} WHERE case_id = 'A-2'");

        await fixture.PublishAsync(new PublishRequest { Path = fixture.WriteFile("v2.csv", "Case Id,Status\nA-2,Closed\nA-3,Open\n"), Id = id, Mode = PublishMode.Upsert });

        Assert.Equal([["A-1", "Open"], ["A-2", "Closed"], ["A-3", "Open"]], await fixture.QueryAsync(id, "SELECT case_id, status FROM {table} ORDER BY \":seq\""));
        Assert.Equal(before, await fixture.QueryAsync(id, "SELECT \":id\" FROM {table} WHERE case_id = 'A-2'"));
        Assert.Equal("case_id", (await fixture.Catalog.FindDatasetAsync(id, CancellationToken.None))!.RowIdentifier);
    }

    [Fact]
    public async Task Bad_rows_fail_the_import_with_a_report_and_leave_the_current_version_byte_for_byte()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        DatasetId id = DatasetId.Parse("badr-0001");
        await fixture.PublishAsync(new PublishRequest { Path = fixture.WriteFile("v1.csv", "a,b\n1,x\n2,y\n"), Id = id });
        string before = await fixture.DumpAsync(id);

        ValidationError error = await Assert.ThrowsAsync<ValidationError>(() =>
            fixture.PublishAsync(new PublishRequest { Path = fixture.WriteFile("v2.csv", "a,b\n3,z\nfour,w\n5,v\nsix,u\n"), Id = id, Mode = PublishMode.Append }));

        Assert.Equal("ingest.bad-rows", error.Code);
        Assert.Contains("Row 2, column a: 'four' is not a number", error.Message, StringComparison.Ordinal);
        var problems = (ImmutableArray<BadRow>)error.Details["problems"]!;
        Assert.Equal([new BadRow(2, "a", "four", "not a number"), new BadRow(4, "a", "six", "not a number")], problems.ToArray());
        Assert.Equal(before, await fixture.DumpAsync(id));
        Assert.Equal(1, (await fixture.Catalog.FindDatasetAsync(id, CancellationToken.None))!.CurrentVersion);
    }

    [Fact]
    public async Task Skip_bad_rows_loads_the_rest_and_reports_what_was_skipped()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        string path = fixture.WriteFile("v.csv", "a,b\n1,x\ntwo,y\n3,z\n");

        PublishResult result = await fixture.PublishAsync(new PublishRequest
        {
            Path = path,
            TypeOverrides = ImmutableDictionary<string, SodaType>.Empty.Add("a", SodaType.Number),
            SkipBadRows = true,
        });

        Assert.Equal(2, result.RowCount);
        Assert.Equal(1, result.SkippedRows);
        Assert.Equal([new BadRow(2, "a", "two", "not a number")], result.Problems.ToArray());
    }

    [Fact]
    public async Task Unreadable_file_fails_and_changes_nothing()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        DatasetId id = DatasetId.Parse("unrd-0001");
        await fixture.PublishAsync(new PublishRequest { Path = fixture.WriteFile("v1.csv", "a\n1\n"), Id = id });
        string before = await fixture.DumpAsync(id);
        string garbage = Path.Combine(fixture.Directory, "garbage.csv");
        await File.WriteAllBytesAsync(garbage, [0x61, 0x0A, 0xFF, 0xFE, 0x00, 0xC3, 0x28, 0x0A]);

        await Assert.ThrowsAsync<ValidationError>(() => fixture.PublishAsync(new PublishRequest { Path = garbage, Id = id, Mode = PublishMode.Replace }));
        await Assert.ThrowsAsync<ValidationError>(() => fixture.PublishAsync(new PublishRequest { Path = Path.Combine(fixture.Directory, "missing.csv"), Id = id, Mode = PublishMode.Replace }));

        Assert.Equal(before, await fixture.DumpAsync(id));
        Assert.DoesNotContain(await fixture.Store.ListTablesAsync(CancellationToken.None), t => t.StartsWith("stage_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readers_during_a_replace_see_the_old_or_the_new_version_never_a_mix()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync(versionsToKeep: 50);
        DatasetId id = DatasetId.Parse("conc-0001");
        string oldFile = fixture.WriteFile("old.csv", "k,v\n" + string.Concat(Enumerable.Range(1, 5000).Select(i => $"{i},1\n")));
        string newFile = fixture.WriteFile("new.csv", "k,v\n" + string.Concat(Enumerable.Range(1, 7000).Select(i => $"{i},2\n")));
        await fixture.PublishAsync(new PublishRequest { Path = oldFile, Id = id });
        var seen = new HashSet<(long Count, double Sum)>();
        using var stop = new CancellationTokenSource();

        Task reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                object?[] row = (await fixture.QueryAsync(id, "SELECT count(*), sum(v) FROM {table}"))[0];
                lock (seen)
                {
                    seen.Add(((long)row[0]!, (double)row[1]!));
                }
            }
        });
        for (int i = 0; i < 4; i++)
        {
            await fixture.PublishAsync(new PublishRequest { Path = i % 2 == 0 ? newFile : oldFile, Id = id, Mode = PublishMode.Replace });
        }

        await stop.CancelAsync();
        await reader;
        Assert.Subset(new HashSet<(long, double)> { (5000, 5000.0), (7000, 14000.0) }, seen);
    }

    [Fact]
    public async Task Versions_beyond_the_configured_count_are_dropped()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync(versionsToKeep: 2);
        DatasetId id = DatasetId.Parse("prun-0001");
        string path = fixture.WriteFile("v.csv", "a\n1\n");
        await fixture.PublishAsync(new PublishRequest { Path = path, Id = id });
        string firstTable = (await fixture.CurrentVersionAsync(id)).TableName;

        for (int i = 0; i < 3; i++)
        {
            await fixture.PublishAsync(new PublishRequest { Path = path, Id = id, Mode = PublishMode.Replace });
        }

        Assert.Equal([4, 3], (await fixture.Catalog.ListVersionsAsync(id, CancellationToken.None)).Select(v => v.Number));
        Assert.DoesNotContain(firstTable, await fixture.Store.ListTablesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Creating_an_existing_id_is_a_conflict_and_append_to_a_missing_one_is_not_found()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        DatasetId id = DatasetId.Parse("dupe-0001");
        string path = fixture.WriteFile("v.csv", "a\n1\n");
        await fixture.PublishAsync(new PublishRequest { Path = path, Id = id });

        await Assert.ThrowsAsync<ConflictError>(() => fixture.PublishAsync(new PublishRequest { Path = path, Id = id }));
        await Assert.ThrowsAsync<NotFoundError>(() => fixture.PublishAsync(new PublishRequest { Path = path, Id = DatasetId.Parse("none-0001"), Mode = PublishMode.Append }));
    }

    [Fact]
    public async Task Private_flag_and_metadata_are_recorded()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();

        PublishResult result = await fixture.PublishAsync(new PublishRequest
        {
            Path = fixture.WriteFile("v.csv", "a\n1\n"),
            Title = "Budget",
            Category = "Finance",
            Department = "Controller",
            Tags = ["budget", "money"],
            Private = true,
        });

        DatasetMetadata metadata = (await fixture.Catalog.FindDatasetAsync(result.Id, CancellationToken.None))!.Metadata;
        Assert.Equal(("Budget", "Finance", "Controller", Visibility.Private), (metadata.Title, metadata.Category, metadata.Department, metadata.Visibility));
        Assert.Equal(["budget", "money"], metadata.Tags.ToArray());
    }

    [Fact]
    public async Task Dcat_metadata_is_recorded_and_a_later_load_without_it_keeps_it()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        DatasetId id = DatasetId.Parse("dcat-0001");
        await fixture.PublishAsync(new PublishRequest
        {
            Path = fixture.WriteFile("v1.csv", "a\n1\n"),
            Id = id,
            Title = "Trees",
            Publisher = "Street Services",
            PublisherParent = "City of Example",
            ContactName = "Forestry",
            ContactEmail = "trees@example.gov",
            Temporal = "2019-01-01/2019-12-31",
            Spatial = "Example City",
            AccrualPeriodicity = "R/P1M",
            LandingPage = "https://example.gov/trees",
            Languages = ["en"],
            Rights = "Open",
            BureauCodes = ["015:11"],
            ProgramCodes = ["015:001"],
            Themes = ["Environment"],
            Issued = new DateOnly(2019, 2, 1),
            ConformsTo = "https://example.gov/standard",
            DescribedBy = "https://example.gov/dictionary",
            DescribedByType = "text/html",
            References = ["https://example.gov/faq"],
            DataQuality = true,
            SystemOfRecords = "https://example.gov/sorn",
            IsPartOf = "https://example.gov/collection",
            PrimaryItInvestmentUii = "015-000000001",
        });
        DatasetRecord first = (await fixture.Catalog.FindDatasetAsync(id, CancellationToken.None))!;

        await fixture.PublishAsync(new PublishRequest { Path = fixture.WriteFile("v2.csv", "a\n2\n"), Id = id, Mode = PublishMode.Replace });
        DatasetRecord second = (await fixture.Catalog.FindDatasetAsync(id, CancellationToken.None))!;

        DatasetMetadata metadata = second.Metadata;
        Assert.Equal(("Street Services", "City of Example", "Forestry", "trees@example.gov"), (metadata.Publisher, metadata.PublisherParent, metadata.ContactName, metadata.ContactEmail));
        Assert.Equal(("2019-01-01/2019-12-31", "Example City", "R/P1M", "https://example.gov/trees"), (metadata.Temporal, metadata.Spatial, metadata.AccrualPeriodicity, metadata.LandingPage));
        Assert.Equal(["en"], metadata.Languages.ToArray());
        Assert.Equal(["015:11"], metadata.BureauCodes.ToArray());
        Assert.Equal(["015:001"], metadata.ProgramCodes.ToArray());
        Assert.Equal(["Environment"], metadata.Themes.ToArray());
        Assert.Equal(["https://example.gov/faq"], metadata.References.ToArray());
        Assert.Equal(new DateOnly(2019, 2, 1), metadata.Issued);
        Assert.Equal(("Open", "https://example.gov/standard", "https://example.gov/dictionary", "text/html"), (metadata.Rights, metadata.ConformsTo, metadata.DescribedBy, metadata.DescribedByType));
        Assert.Equal((true, "https://example.gov/sorn", "https://example.gov/collection", "015-000000001"), (metadata.DataQuality, metadata.SystemOfRecords, metadata.IsPartOf, metadata.PrimaryItInvestmentUii));
        // Nothing in the second request changed the metadata, so its time stayed put.
        Assert.Equal(first.MetadataUpdatedAt, second.MetadataUpdatedAt);
    }

    [Fact]
    public async Task A_later_load_replaces_only_the_fields_it_names()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        DatasetId id = DatasetId.Parse("dcat-0002");
        await fixture.PublishAsync(new PublishRequest { Path = fixture.WriteFile("v1.csv", "a\n1\n"), Id = id, Title = "Trees", Languages = ["en"], Themes = ["Environment"], ContactName = "Forestry" });

        await fixture.PublishAsync(new PublishRequest { Path = fixture.WriteFile("v2.csv", "a\n2\n"), Id = id, Mode = PublishMode.Replace, Languages = ["es"], AccrualPeriodicity = "irregular" });

        DatasetMetadata metadata = (await fixture.Catalog.FindDatasetAsync(id, CancellationToken.None))!.Metadata;
        Assert.Equal(["es"], metadata.Languages.ToArray());
        Assert.Equal(["Environment"], metadata.Themes.ToArray());
        Assert.Equal(("Forestry", "irregular", "Trees"), (metadata.ContactName, metadata.AccrualPeriodicity, metadata.Title));
    }

    [Fact]
    public async Task Invalid_metadata_fails_before_anything_is_loaded_and_names_the_field()
    {
        await using PublishingFixture fixture = await PublishingFixture.CreateAsync();
        DatasetId id = DatasetId.Parse("dcat-0003");

        ValidationError error = await Assert.ThrowsAsync<ValidationError>(() => fixture.PublishAsync(new PublishRequest
        {
            Path = fixture.WriteFile("v1.csv", "a\n1\n"),
            Id = id,
            ContactEmail = "not-an-address",
            AccrualPeriodicity = "daily",
        }));

        Assert.Equal("metadata.invalid", error.Code);
        Assert.Contains("contactEmail", error.Message, StringComparison.Ordinal);
        Assert.Contains("accrualPeriodicity", error.Message, StringComparison.Ordinal);
        Assert.Null(await fixture.Catalog.FindDatasetAsync(id, CancellationToken.None));
        Assert.Empty(await fixture.Store.ListTablesAsync(CancellationToken.None));
    }
}
