using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CivicData.Tests.Commands;

public sealed partial class CommandLineTests
{
    [Fact]
    public async Task Import_prints_the_new_dataset_id_on_its_last_line()
    {
        using var temp = new TempDirectory();
        string file = temp.File("parks.csv", "Park Name,Acres,Opened\nElysian,600,1886-01-01\nGriffith,4310,1896-12-16\n");

        CliResult result = await Cli.RunAsync("import", file, "--data", temp.Data, "--title", "Parks", "--category", "Recreation", "--tags", "parks,green");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(IdPattern(), result.LastLine);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Export_round_trips_the_imported_values_as_csv_json_and_geojson()
    {
        using var temp = new TempDirectory();
        string file = temp.File("places.csv", "name,visits,latitude,longitude\n\"Café, \"\"Old\"\"\",12,34.05,-118.25\nPier,,34.01,-118.49\n");
        string id = (await Cli.RunAsync("import", file, "--data", temp.Data, "--id", "plcs-0001")).LastLine;

        CliResult csv = await Cli.RunAsync("export", id, "--data", temp.Data, "--format", "csv", "--out", temp.Combine("out.csv"));
        CliResult json = await Cli.RunAsync("export", id, "--data", temp.Data, "--format", "json");
        CliResult geojson = await Cli.RunAsync("export", id, "--data", temp.Data, "--format", "geojson");

        Assert.True(csv.ExitCode == 0, csv.ToString());
        string[] lines = File.ReadAllLines(temp.Combine("out.csv"));
        Assert.Equal("name,visits,latitude,longitude,location", lines[0]);
        Assert.Equal("\"Café, \"\"Old\"\"\",12,34.05,-118.25,POINT (-118.25 34.05)", lines[1]);
        Assert.Equal("Pier,,34.01,-118.49,POINT (-118.49 34.01)", lines[2]);
        using JsonDocument rows = JsonDocument.Parse(json.Stdout);
        Assert.Equal("Café, \"Old\"", rows.RootElement[0].GetProperty("name").GetString());
        Assert.Equal("12", rows.RootElement[0].GetProperty("visits").GetString());
        Assert.False(rows.RootElement[1].TryGetProperty("visits", out _));
        using JsonDocument features = JsonDocument.Parse(geojson.Stdout);
        Assert.Equal(2, features.RootElement.GetProperty("features").GetArrayLength());
        Assert.Equal(-118.49, features.RootElement.GetProperty("features")[1].GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
    }

    [Fact]
    public async Task Export_of_the_la_311_sample_has_every_row()
    {
        using var temp = new TempDirectory();
        string id = (await Cli.RunAsync("import", SharedData.La311, "--data", temp.Data)).LastLine;

        CliResult export = await Cli.RunAsync("export", id, "--data", temp.Data, "--format", "json");

        Assert.True(export.ExitCode == 0, export.Stderr);
        using JsonDocument rows = JsonDocument.Parse(export.Stdout);
        Assert.Equal(10_000, rows.RootElement.GetArrayLength());
        Assert.Equal("1-870704814", rows.RootElement[0].GetProperty("srnumber").GetString());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("geojson")]
    public async Task Exported_la_311_reimports_to_the_same_values(string format)
    {
        using var temp = new TempDirectory();
        string first = (await Cli.RunAsync("import", SharedData.La311, "--data", temp.Data)).LastLine;
        string exported = temp.Combine("export." + format);
        await Cli.RunAsync("export", first, "--data", temp.Data, "--format", format, "--out", exported);

        CliResult second = await Cli.RunAsync("import", exported, "--data", temp.Data);
        string original = (await Cli.RunAsync("export", first, "--data", temp.Data, "--format", "csv")).Stdout;
        string roundTripped = (await Cli.RunAsync("export", second.LastLine, "--data", temp.Data, "--format", "csv")).Stdout;

        Assert.True(second.ExitCode == 0, second.ToString());
        List<string> expected = Cells(original, renameGeometry: false);
        Assert.Equal(10_000, expected.Count);
        Assert.Equal(expected, Cells(roundTripped, renameGeometry: format == "geojson"));
    }

    [Fact]
    public async Task Bad_rows_exit_non_zero_with_one_line_on_stderr_and_the_report_on_stdout()
    {
        using var temp = new TempDirectory();
        string id = (await Cli.RunAsync("import", temp.File("a.csv", "code,amount\nA,1\nB,2\n"), "--data", temp.Data)).LastLine;

        CliResult result = await Cli.RunAsync("import", temp.File("b.csv", "code,amount\nC,three\nD,4\n"), "--data", temp.Data, "--id", id, "--mode", "append");
        CliResult after = await Cli.RunAsync("export", id, "--data", temp.Data, "--format", "csv");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.Contains("Row 1, column amount: 'three' is not a number", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("row 1\tamount\tthree\tnot a number", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("code,amount\nA,1\nB,2\n", after.Stdout);
    }

    [Fact]
    public async Task Skip_bad_rows_loads_the_rest_and_lists_what_it_skipped()
    {
        using var temp = new TempDirectory();

        CliResult result = await Cli.RunAsync("import", temp.File("a.csv", "code,amount\nA,1\nB,two\n"), "--data", temp.Data, "--types", "amount=number", "--skip-bad-rows");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Skipped 1 bad row(s):", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("code,amount\nA,1\n", (await Cli.RunAsync("export", result.LastLine, "--data", temp.Data)).Stdout);
    }

    [Fact]
    public async Task Replace_append_and_upsert_work_from_the_command_line()
    {
        using var temp = new TempDirectory();
        string id = (await Cli.RunAsync("import", temp.File("v1.csv", "id,status\n1,open\n2,open\n"), "--data", temp.Data, "--row-id", "id")).LastLine;

        await Cli.RunAsync("import", temp.File("v2.csv", "id,status\n2,closed\n3,open\n"), "--data", temp.Data, "--id", id, "--mode", "upsert");
        string afterUpsert = (await Cli.RunAsync("export", id, "--data", temp.Data)).Stdout;
        await Cli.RunAsync("import", temp.File("v3.csv", "id,status\n4,open\n"), "--data", temp.Data, "--id", id, "--mode", "append");
        string afterAppend = (await Cli.RunAsync("export", id, "--data", temp.Data)).Stdout;
        await Cli.RunAsync("import", temp.File("v4.csv", "id,status\n9,new\n"), "--data", temp.Data, "--id", id, "--mode", "replace");
        string afterReplace = (await Cli.RunAsync("export", id, "--data", temp.Data)).Stdout;

        Assert.Equal("id,status\n1,open\n2,closed\n3,open\n", afterUpsert);
        Assert.Equal("id,status\n1,open\n2,closed\n3,open\n4,open\n", afterAppend);
        Assert.Equal("id,status\n9,new\n", afterReplace);
    }

    [Theory]
    [InlineData("export", "zzzz-zzzz")]
    [InlineData("export", "not-an-id")]
    [InlineData("import", "/nonexistent/file.csv")]
    public async Task Failures_exit_non_zero_with_one_clear_line(string command, string argument)
    {
        using var temp = new TempDirectory();

        CliResult result = await Cli.RunAsync(command, argument, "--data", temp.Data);

        Assert.NotEqual(0, result.ExitCode);
        string[] errorLines = result.Stderr.TrimEnd().Split('\n');
        Assert.Single(errorLines);
        Assert.StartsWith("error: ", errorLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "x.csv", "--mode", "bogus")]
    [InlineData("export", "abcd-1234", "--format", "xml")]
    [InlineData("frobnicate")]
    public async Task Command_line_mistakes_get_one_line_and_exit_code_2(params string[] args)
    {
        CliResult result = await Cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_answers_over_http_and_a_second_process_is_refused_the_data_directory()
    {
        using var temp = new TempDirectory();
        string id = (await Cli.RunAsync("import", SharedData.CouncilDistricts, "--data", temp.Data, "--id", "lacd-test")).LastLine;
        using Process server = Cli.Start("serve", "--data", temp.Data, "--urls", "http://127.0.0.1:0");
        try
        {
            Uri address = await Cli.ReadListeningAddressAsync(server);
            using var http = new HttpClient { BaseAddress = address };

            JsonElement rows = await http.GetFromJsonAsync<JsonElement>($"/resource/{id}.json?$select=name&$order=name&$limit=3");
            CliResult second = await Cli.RunAsync("import", temp.File("x.csv", "a\n1\n"), "--data", temp.Data);

            Assert.Equal(3, rows.GetArrayLength());
            Assert.NotEqual(0, second.ExitCode);
            Assert.Contains("in use by another CivicData process", second.Stderr, StringComparison.Ordinal);
            Assert.Equal(15, (await http.GetFromJsonAsync<JsonElement>($"/resource/{id}.json?$select=count(*)"))[0].GetProperty("count").GetString() is { } count ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 0);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Each row as its non-empty cells, sorted by column name: JSON leaves out columns that are null in every row, and
    /// GeoJSON names its geometry the_geom, so only values and their columns are compared.
    /// </summary>
    private static List<string> Cells(string csv, bool renameGeometry) =>
        TestCsv.ParseRows(csv)
            .Select(row => string.Join("|", row
                .Where(cell => cell.Value.Length > 0)
                .Select(cell => (Name: renameGeometry && cell.Key == "the_geom" ? "location" : cell.Key, cell.Value))
                .OrderBy(cell => cell.Name, StringComparer.Ordinal)
                .Select(cell => cell.Name + "=" + cell.Value)))
            .ToList();

    [GeneratedRegex("^[a-z0-9]{4}-[a-z0-9]{4}$")]
    private static partial Regex IdPattern();
}
