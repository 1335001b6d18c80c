using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Ingest.Readers;
using CivicData.Ingest.Tests.Fixtures;

namespace CivicData.Ingest.Tests.Readers;

public sealed class NdjsonTabularReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Each_line_is_a_row_and_blank_lines_are_skipped()
    {
        string path = _temp.WriteText("data.ndjson", "{\"a\": 1, \"b\": \"x\"}\n\n   \n{\"c\": [1,2], \"a\": 2}\r\n{\"b\": null}");
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal(["a", "b", "c"], reader.ColumnNames());
        Assert.Equal([null, null, SodaType.Json], reader.Columns.Select(c => c.TypeHint));
        Assert.Equal([["1", "x", null], ["2", null, "[1,2]"], [null, null, null]], await reader.ReadAllAsync());
        Assert.Equal(3, reader.RowNumber);
    }

    [Fact]
    public async Task The_jsonl_extension_reads_as_ndjson()
    {
        string path = _temp.WriteText("data.jsonl", "{\"a\": true}\n{\"a\": false}\n");
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal([["true"], ["false"]], await reader.ReadAllAsync());
    }

    [Fact]
    public async Task A_line_that_is_not_json_is_a_malformed_error_naming_the_line()
    {
        string path = _temp.WriteText("bad.ndjson", "{\"a\": 1}\n\n{\"a\": 2\n");

        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(path));

        Assert.Equal("ingest.malformed", error.Code);
        Assert.Contains("Line 3", error.Message);
    }

    [Fact]
    public async Task A_line_holding_an_array_is_a_malformed_error()
    {
        string path = _temp.WriteText("array.ndjson", "{\"a\": 1}\n[1, 2]\n");

        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(path));

        Assert.Contains("Line 2 holds a JSON array", error.Message);
    }

    [Fact]
    public async Task Invalid_utf8_is_an_encoding_error_and_an_override_reads_it()
    {
        string path = _temp.WriteBytes("latin.ndjson", [.. "{\"name\": \"CAF"u8, 0xC9, .. "\"}\n"u8]);

        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(path));
        Assert.Equal("ingest.encoding", error.Code);

        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path, encoding: "windows-1252");
        Assert.Equal([["CAFÉ"]], await reader.ReadAllAsync());
    }
}
