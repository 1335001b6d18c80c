using Parquet;
using Parquet.Schema;

namespace CivicData.Tests.Commands;

/// <summary><c>civicdata export --format parquet</c>, read back with Parquet.Net (not the DuckDB that wrote it).</summary>
public sealed class ParquetExportTests
{
    [Fact]
    public async Task Export_writes_a_parquet_file_with_typed_columns_and_every_value()
    {
        using var temp = new TempDirectory();
        string file = temp.File("places.csv", "name,visits,latitude,longitude\n\"Café, \"\"Old\"\"\",12,34.05,-118.25\nPier,,34.01,-118.49\n");
        string id = (await Cli.RunAsync("import", file, "--data", temp.Data, "--id", "plcs-0002")).LastLine;
        string output = temp.Combine("places.parquet");

        CliResult export = await Cli.RunAsync("export", id, "--data", temp.Data, "--format", "parquet", "--out", output);
        CliResult toStdout = await Cli.RunAsync("export", id, "--data", temp.Data, "--format", "parquet");

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.False(File.Exists(output + ".partial"));
        await using ParquetReader reader = await ParquetReader.CreateAsync(output);
        DataField[] fields = reader.Schema.GetDataFields();
        Assert.Equal(["name", "visits", "latitude", "longitude", "location"], fields.Select(field => field.Name));
        Assert.Equal(1, reader.RowGroupCount);
        using ParquetRowGroupReader rows = reader.OpenRowGroupReader(0);
        Assert.Equal(2, rows.RowCount);

        string?[] names = new string?[2];
        await rows.ReadAsync(fields[0], names.AsMemory());
        double?[] visits = new double?[2];
        await rows.ReadAsync(fields[1], visits.AsMemory());
        string?[] locations = new string?[2];
        await rows.ReadAsync(fields[4], locations.AsMemory());
        Assert.Equal(new string?[] { "Café, \"Old\"", "Pier" }, names.AsEnumerable());
        Assert.Equal([12.0, null], visits);
        Assert.Equal(new string?[] { "POINT (-118.25 34.05)", "POINT (-118.49 34.01)" }, locations.AsEnumerable());

        Assert.True(toStdout.ExitCode == 0, toStdout.Stderr);
        Assert.StartsWith("PAR1", toStdout.Stdout, StringComparison.Ordinal);
    }
}
