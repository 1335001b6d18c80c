using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Ingest.Readers;
using CivicData.Ingest.Tests.Fixtures;

namespace CivicData.Ingest.Tests.Readers;

public sealed class JsonArrayTabularReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Columns_are_the_union_of_keys_in_first_seen_order()
    {
        string path = _temp.WriteText("data.json", """
            [
              {"id": 1, "name": "Ann"},
              {"name": "Bob", "zip": "90012", "id": 2},
              {}
            ]
            """);
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal(["id", "name", "zip"], reader.ColumnNames());
        Assert.Equal([["1", "Ann", null], ["2", "Bob", "90012"], [null, null, null]], await reader.ReadAllAsync());
        Assert.Equal(3, reader.RowNumber);
    }

    [Fact]
    public async Task Scalars_become_raw_text_and_null_stays_null()
    {
        string path = _temp.WriteText("data.json", """
            [{"s": "caf\u00e9 \"q\"", "n": 1.50, "big": 12345678901234567890, "e": 1e3, "t": true, "f": false, "z": null, "empty": ""}]
            """);
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal([["café \"q\"", "1.50", "12345678901234567890", "1e3", "true", "false", null, ""]], await reader.ReadAllAsync());
        Assert.All(reader.Columns, c => Assert.Null(c.TypeHint));
    }

    [Fact]
    public async Task Nested_objects_and_arrays_become_json_text_with_a_json_hint()
    {
        string path = _temp.WriteText("nested.json", """
            [
              {"id": 1, "tags": ["a", "b"], "meta": {"k": 1}},
              {"id": 2, "tags": "solo", "meta": null}
            ]
            """);
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal([null, SodaType.Json, SodaType.Json], reader.Columns.Select(c => c.TypeHint));
        List<string?[]> rows = await reader.ReadAllAsync();
        Assert.Equal<string?[]>(["1", """["a", "b"]""", """{"k": 1}"""], rows[0]);
        // A plain string in a JSON column is written as JSON text, so it stays a valid JSON document.
        Assert.Equal<string?[]>(["2", "\"solo\"", null], rows[1]);
    }

    [Fact]
    public async Task A_geojson_geometry_value_gets_a_geometry_hint()
    {
        string path = _temp.WriteText("places.json", """
            [
              {"name": "a", "where": {"type": "Point", "coordinates": [-118.2, 34.0]}},
              {"name": "b", "where": null}
            ]
            """);
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal(SodaType.Point, reader.Columns[1].TypeHint);
        Assert.Equal("""{"type": "Point", "coordinates": [-118.2, 34.0]}""", (await reader.ReadAllAsync())[0][1]);
    }

    [Fact]
    public async Task A_single_object_is_a_malformed_error_that_says_what_was_expected()
    {
        string path = _temp.WriteText("object.json", """{"id": 1}""");

        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(path, format: "json"));

        Assert.Equal("ingest.malformed", error.Code);
        Assert.Contains("array of objects", error.Message);
    }

    [Fact]
    public async Task An_array_element_that_is_not_an_object_is_a_malformed_error_naming_it()
    {
        string path = _temp.WriteText("mixed.json", """[{"id": 1}, 2]""");

        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(path));

        Assert.Equal("ingest.malformed", error.Code);
        Assert.Contains("Element 2", error.Message);
        Assert.Contains("a number", error.Message);
    }

    [Fact]
    public async Task Broken_json_is_a_malformed_error_with_its_line()
    {
        string path = _temp.WriteText("broken.json", "[\n{\"id\": 1},\n{\"id\": 2,,}\n]");

        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(path));

        Assert.Equal("ingest.malformed", error.Code);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public async Task A_bom_before_the_array_is_accepted()
    {
        string path = _temp.WriteBytes("bom.json", [0xEF, 0xBB, 0xBF, .. """[{"a": "b"}]"""u8]);
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal([["b"]], await reader.ReadAllAsync());
    }

    [Fact]
    public async Task An_empty_array_has_no_columns_and_no_rows()
    {
        string path = _temp.WriteText("empty.json", "[ ]");
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Empty(reader.Columns);
        Assert.False(await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_large_array_streams_every_row()
    {
        string rows = string.Join(",\n", Enumerable.Range(1, 20_000).Select(i => $$"""{"n": {{i}}, "label": "row {{i}}"}"""));
        string path = _temp.WriteText("large.json", $"[{rows}]");
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        long count = 0;
        string? last = null;
        while (await reader.ReadAsync(CancellationToken.None))
        {
            count++;
            last = reader.GetValue(1);
        }

        Assert.Equal(20_000, count);
        Assert.Equal("row 20000", last);
    }
}
