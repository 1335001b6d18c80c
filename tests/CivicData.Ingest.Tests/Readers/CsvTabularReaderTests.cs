using System.Text;

using CivicData.Core;
using CivicData.Ingest.Readers;
using CivicData.Ingest.Tests.Fixtures;

namespace CivicData.Ingest.Tests.Readers;

public sealed class CsvTabularReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Header_and_rows_come_back_as_raw_text_with_empty_fields_kept_empty()
    {
        string path = _temp.WriteText("data.csv", "id,name,score\n1,Ann,\n2,,7.5\n");
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal(["id", "name", "score"], reader.ColumnNames());
        Assert.All(reader.Columns, c => Assert.Null(c.TypeHint));
        List<string?[]> rows = await reader.ReadAllAsync();
        Assert.Equal([["1", "Ann", ""], ["2", "", "7.5"]], rows);
    }

    [Fact]
    public async Task Quoted_fields_keep_embedded_newlines_delimiters_and_doubled_quotes()
    {
        string path = _temp.WriteText("data.csv", "id,note\r\n1,\"line one\r\nline two\"\r\n2,\"say \"\"hi\"\", then, go\"\r\n");
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        List<string?[]> rows = await reader.ReadAllAsync();

        Assert.Equal([["1", "line one\r\nline two"], ["2", "say \"hi\", then, go"]], rows);
    }

    [Theory]
    [InlineData("semi.csv", "a;b\n1;x,y\n", "x,y")]
    [InlineData("pipe.csv", "a|b\n1|x;y\n", "x;y")]
    [InlineData("tab.txt", "a\tb\n1\tx|y\n", "x|y")]
    [InlineData("tab.tsv", "a\tb\n1\tx,y\n", "x,y")]
    public async Task The_sniffed_delimiter_is_used_to_split_fields(string fileName, string text, string expectedB)
    {
        string path = _temp.WriteText(fileName, text);
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal(["a", "b"], reader.ColumnNames());
        Assert.True(await reader.ReadAsync(CancellationToken.None));
        Assert.Equal("1", reader.GetValue(0));
        Assert.Equal(expectedB, reader.GetValue(1));
    }

    [Fact]
    public async Task The_tsv_format_forces_tab_whatever_the_extension()
    {
        string path = _temp.WriteText("data.csv", "a\tb,c\n1\t2,3\n");
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path, format: "tsv");

        Assert.Equal(["a", "b,c"], reader.ColumnNames());
    }

    [Fact]
    public async Task A_utf8_bom_is_not_part_of_the_first_column_name()
    {
        string path = _temp.WriteBytes("bom.csv", [0xEF, 0xBB, 0xBF, .. "name,city\nJosé,Bogotá\n"u8]);
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal(["name", "city"], reader.ColumnNames());
        Assert.Equal([["José", "Bogotá"]], await reader.ReadAllAsync());
    }

    [Fact]
    public async Task A_short_row_reads_missing_fields_as_null()
    {
        string path = _temp.WriteText("short.csv", "a,b,c\n1,2\n");
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal([["1", "2", null]], await reader.ReadAllAsync());
    }

    [Fact]
    public async Task A_row_with_more_fields_than_the_header_is_a_ragged_row_error_naming_the_row()
    {
        string path = _temp.WriteText("ragged.csv", "a,b\n1,2\n3,4\n5,6,7\n");
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.True(await reader.ReadAsync(CancellationToken.None));
        Assert.True(await reader.ReadAsync(CancellationToken.None));
        var error = await Assert.ThrowsAsync<ValidationError>(async () => await reader.ReadAsync(CancellationToken.None));

        Assert.Equal("ingest.ragged-row", error.Code);
        Assert.Contains("Row 3", error.Message);
        Assert.Equal(3L, error.Details["row"]);
    }

    [Fact]
    public async Task Row_number_counts_data_records_not_lines()
    {
        string path = _temp.WriteText("data.csv", "a,b\n1,\"x\ny\"\n\n2,z\n");
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal(0, reader.RowNumber);
        Assert.True(await reader.ReadAsync(CancellationToken.None));
        Assert.Equal(1, reader.RowNumber);
        Assert.True(await reader.ReadAsync(CancellationToken.None));
        Assert.Equal(2, reader.RowNumber);
        Assert.Equal("2", reader.GetValue(0));
        Assert.False(await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Duplicate_and_empty_header_names_are_kept_for_normalisation_to_fix()
    {
        string path = _temp.WriteText("dup.csv", "a,a,,b\n1,2,3,4\n");
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal(["a", "a", "", "b"], reader.ColumnNames());
        Assert.Equal([["1", "2", "3", "4"]], await reader.ReadAllAsync());
    }

    [Fact]
    public async Task A_line_starting_with_a_hash_is_data_not_a_comment()
    {
        string path = _temp.WriteText("hash.csv", "tag,n\n#opendata,1\n");
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal([["#opendata", "1"]], await reader.ReadAllAsync());
    }

    [Fact]
    public async Task Invalid_utf8_is_an_encoding_error_that_suggests_windows_1252()
    {
        string path = _temp.WriteBytes("bad.csv", [.. "name\nok\nCAF"u8, 0xC9, (byte)'\n']);

        var error = await Assert.ThrowsAsync<ValidationError>(async () =>
        {
            await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);
            await reader.ReadAllAsync();
        });

        Assert.Equal("ingest.encoding", error.Code);
        Assert.Contains("line 3", error.Message);
        Assert.Contains("--encoding windows-1252", error.Message);
    }

    [Theory]
    [InlineData("windows-1252")]
    [InlineData("latin1")]
    [InlineData("ISO-8859-1")]
    public async Task An_encoding_override_decodes_single_byte_text(string encoding)
    {
        string path = _temp.WriteBytes("latin.csv", [.. "name\nCAF"u8, 0xC9, (byte)'\n']);
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path, encoding: encoding);

        Assert.Equal([["CAFÉ"]], await reader.ReadAllAsync());
    }

    [Fact]
    public async Task A_utf16_file_reads_with_the_utf16_override()
    {
        string path = _temp.WriteBytes("wide.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("a;b\nñ;2\n")]);
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path, encoding: "utf-16");

        Assert.Equal(["a", "b"], reader.ColumnNames());
        Assert.Equal([["ñ", "2"]], await reader.ReadAllAsync());
    }

    [Fact]
    public async Task An_unknown_encoding_name_is_a_validation_error()
    {
        string path = _temp.WriteText("a.csv", "a\n1\n");

        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(path, encoding: "klingon-8"));

        Assert.Equal("ingest.unknown-encoding", error.Code);
    }

    [Fact]
    public async Task Text_after_a_closing_quote_is_a_malformed_error()
    {
        string path = _temp.WriteText("bad.csv", "a,b\n1,2\n\"x\"y,3\n");
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        var error = await Assert.ThrowsAsync<ValidationError>(() => reader.ReadAllAsync());

        Assert.Equal("ingest.malformed", error.Code);
    }

    [Fact]
    public async Task An_empty_file_is_an_empty_file_error()
    {
        string path = _temp.WriteText("empty.csv", "");

        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(path));

        Assert.Equal("ingest.empty", error.Code);
    }

    [Fact]
    public async Task A_header_without_rows_has_columns_and_no_rows()
    {
        string path = _temp.WriteText("header.csv", "a,b\n");
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal(["a", "b"], reader.ColumnNames());
        Assert.False(await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reading_stops_when_the_token_is_cancelled()
    {
        string path = _temp.WriteText("a.csv", "a\n1\n2\n");
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.ReadAsync(cancellation.Token));
    }
}
