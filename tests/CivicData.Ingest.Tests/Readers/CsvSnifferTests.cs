using CivicData.Ingest.Readers;
using CivicData.Ingest.Tests.Fixtures;

namespace CivicData.Ingest.Tests.Readers;

public sealed class CsvSnifferTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("a,b,c\n1,2,3\n4,5,6\n", ',')]
    [InlineData("a;b;c\n1,5;2,25;3\n4;5;6\n", ';')]
    [InlineData("a|b|c\n1|2|3\n4|5|6\n", '|')]
    [InlineData("a\tb\tc\n1\t2\t3\n4\t5\t6\n", '\t')]
    [InlineData("name;note\n\"Smith, J\";\"a, b, c\"\n\"Doe, J\";x\n", ';')]
    [InlineData("only\n1\n2\n", ',')]
    public void Sniff_picks_the_delimiter_that_is_most_consistent_outside_quotes(string text, char expected)
    {
        string path = _temp.WriteText("data.csv", text);

        CsvDialect dialect = CsvSniffer.Sniff(path);

        Assert.Equal(new CsvDialect(expected, HasBom: false), dialect);
    }

    [Fact]
    public void Sniff_counts_a_quoted_field_with_newlines_as_part_of_one_record()
    {
        string path = _temp.WriteText("data.csv", "a|b\n\"line one\nline two, with; marks\"|2\nx|y\n");

        Assert.Equal('|', CsvSniffer.Sniff(path).Delimiter);
    }

    [Fact]
    public void Sniff_reports_a_utf8_byte_order_mark()
    {
        string path = _temp.WriteBytes("bom.csv", [0xEF, 0xBB, 0xBF, .. "a;b\n1;2\n"u8]);

        Assert.Equal(new CsvDialect(';', HasBom: true), CsvSniffer.Sniff(path));
    }

    [Fact]
    public void A_tsv_extension_forces_tab_even_when_commas_dominate()
    {
        string path = _temp.WriteText("data.tsv", "a,b,c\n1,2,3\n");

        Assert.Equal('\t', CsvSniffer.Sniff(path).Delimiter);
    }

    [Fact]
    public void Sniff_of_a_file_larger_than_the_64_kb_sample_still_finds_the_delimiter()
    {
        // 3,000 tab-separated rows (about 90 KB), so the sample ends inside a row that holds many commas.
        string rows = string.Concat(Enumerable.Range(0, 3000).Select(i => $"{i}\tname {i}\tx,y,z,w,v\n"));
        string path = _temp.WriteText("big.txt", "id\tname\tnote\n" + rows);

        Assert.Equal('\t', CsvSniffer.Sniff(path).Delimiter);
    }

    [Fact]
    public void Sniff_of_a_missing_file_is_an_unreadable_error()
    {
        var error = Assert.Throws<Core.ValidationError>(() => CsvSniffer.Sniff(_temp.File("nope.csv")));

        Assert.Equal("ingest.unreadable", error.Code);
    }
}
