using System.Globalization;
using CivicData.SideBySide.Generation;

namespace CivicData.SideBySide.Tests;

public sealed class ServiceRequestGeneratorTests
{
    private static string Generate(long rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ServiceRequestGenerator.Write(writer, rows);
        return writer.ToString();
    }

    [Fact]
    public void The_same_row_count_gives_the_same_file_byte_for_byte()
    {
        Assert.Equal(Generate(2_000), Generate(2_000));
        Assert.StartsWith(Generate(100), Generate(2_000), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_record_parses_as_RFC_4180_with_twelve_fields_and_plausible_values()
    {
        List<string[]> records = TestCsv.Records(Generate(5_000));

        Assert.Equal(ServiceRequestGenerator.Header.Split(','), records[0]);
        Assert.Equal(5_001, records.Count);
        foreach (string[] record in records.Skip(1))
        {
            Assert.Equal(12, record.Length);
            DateTime opened = DateTime.ParseExact(record[1], "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            Assert.InRange(opened, new DateTime(2023, 1, 1), new DateTime(2026, 1, 1));
            Assert.Equal(record[3] is "Closed" or "Cancelled", record[2].Length > 0);
            Assert.InRange(int.Parse(record[6], CultureInfo.InvariantCulture), 1, 15);
            Assert.InRange(record[11].Length, 1, 200);
            if (record[9].Length > 0)
            {
                Assert.InRange(double.Parse(record[9], CultureInfo.InvariantCulture), 41.6, 42.1);
                Assert.InRange(double.Parse(record[10], CultureInfo.InvariantCulture), -88.0, -87.5);
            }
        }
    }

    [Fact]
    public void Descriptions_carry_the_quotes_commas_and_line_breaks_real_free_text_has()
    {
        string[] descriptions = [.. TestCsv.Records(Generate(5_000)).Skip(1).Select(record => record[11])];

        Assert.Contains(descriptions, d => d.Contains('"', StringComparison.Ordinal));
        Assert.Contains(descriptions, d => d.Contains(',', StringComparison.Ordinal));
        Assert.Contains(descriptions, d => d.Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public void Request_types_are_skewed_and_open_requests_are_a_minority()
    {
        List<string[]> rows = [.. TestCsv.Records(Generate(20_000)).Skip(1)];
        IGrouping<string, string[]>[] types = [.. rows.GroupBy(row => row[4]).OrderByDescending(group => group.Count())];

        Assert.InRange(types.Length, 50, 60);
        Assert.True(types[0].Count() > 10 * types[^1].Count(), "the most common request type should dwarf the rarest");
        Assert.InRange(rows.Count(row => row[3] == "Open") / (double)rows.Count, 0.08, 0.16);
    }
}
