using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Ingest.Readers;
using CivicData.Ingest.Tests.Fixtures;

namespace CivicData.Ingest.Tests.Readers;

public sealed class XlsxTabularReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Cells_become_invariant_text_with_date_and_boolean_hints()
    {
        string path = Workbook(new XlsxSheet("Requests",
        [
            ["id", "opened", "closed", "score", "urgent", "note"],
            [1, new DateTime(2018, 1, 1), new DateTime(2018, 1, 6, 10, 18, 29), 7.25, true, "first"],
            [2, new DateTime(2018, 1, 2, 23, 59, 0), null, 1e-7, false, null],
            [3.0, null, new DateTime(2018, 1, 4, 9, 33, 23), -12345678.5, null, "42"],
        ]));
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal(["id", "opened", "closed", "score", "urgent", "note"], reader.ColumnNames());
        Assert.Equal(
            [null, SodaType.FloatingTimestamp, SodaType.FloatingTimestamp, null, SodaType.Checkbox, null],
            reader.Columns.Select(c => c.TypeHint));
        Assert.Equal(
            [
                ["1", "2018-01-01T00:00:00.000", "2018-01-06T10:18:29.000", "7.25", "true", "first"],
                ["2", "2018-01-02T23:59:00.000", null, "1E-07", "false", null],
                ["3", null, "2018-01-04T09:33:23.000", "-12345678.5", null, "42"],
            ],
            await reader.ReadAllAsync());
    }

    [Fact]
    public async Task A_column_mixing_dates_and_text_gets_no_hint()
    {
        string path = Workbook(new XlsxSheet("S", [["when"], [new DateTime(2020, 5, 1)], ["unknown"]]));
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Null(reader.Columns[0].TypeHint);
        Assert.Equal([["2020-05-01T00:00:00.000"], ["unknown"]], await reader.ReadAllAsync());
    }

    [Fact]
    public async Task The_first_non_empty_row_is_the_header_and_empty_rows_are_skipped()
    {
        string path = Workbook(new XlsxSheet("S",
        [
            [null, null],
            [null, null],
            ["a", "b"],
            [1, 2],
            [null, null],
            [3, 4],
        ]));
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal(["a", "b"], reader.ColumnNames());
        Assert.Equal([["1", "2"], ["3", "4"]], await reader.ReadAllAsync());
        Assert.Equal(2, reader.RowNumber);
    }

    [Fact]
    public async Task A_named_sheet_is_read_instead_of_the_first()
    {
        string path = Workbook(
            new XlsxSheet("Summary", [["total"], [3]]),
            new XlsxSheet("Detail", [["name", "n"], ["x", 1], ["y", 2]]));
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path, sheet: "Detail");

        Assert.Equal(["name", "n"], reader.ColumnNames());
        Assert.Equal([["x", "1"], ["y", "2"]], await reader.ReadAllAsync());
    }

    [Fact]
    public async Task Without_a_sheet_name_the_first_sheet_is_read()
    {
        string path = Workbook(new XlsxSheet("Summary", [["total"], [3]]), new XlsxSheet("Detail", [["name"], ["x"]]));
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal([["3"]], await reader.ReadAllAsync());
    }

    [Fact]
    public async Task An_unknown_sheet_is_an_error_listing_the_sheets()
    {
        string path = Workbook(new XlsxSheet("Summary", [["a"]]), new XlsxSheet("Detail", [["b"]]));

        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(path, sheet: "Data"));

        Assert.Equal("ingest.unknown-sheet", error.Code);
        Assert.Contains("'Summary', 'Detail'", error.Message);
    }

    [Fact]
    public async Task A_cell_beyond_the_header_is_a_ragged_row_error()
    {
        string path = Workbook(new XlsxSheet("S", [["a", "b"], [1, 2], [3, 4, "extra"]]));
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        var error = await Assert.ThrowsAsync<ValidationError>(() => reader.ReadAllAsync());

        Assert.Equal("ingest.ragged-row", error.Code);
        Assert.Contains("Row 2", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_a_malformed_error()
    {
        string path = _temp.WriteText("fake.xlsx", "id,name\n1,x\n");

        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(path));

        Assert.Equal("ingest.malformed", error.Code);
    }

    private string Workbook(params XlsxSheet[] sheets)
    {
        string path = _temp.File("book.xlsx");
        XlsxWorkbookWriter.Write(path, sheets);
        return path;
    }
}
