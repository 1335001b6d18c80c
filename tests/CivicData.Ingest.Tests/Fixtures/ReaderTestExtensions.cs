using CivicData.Ingest.Readers;

namespace CivicData.Ingest.Tests.Fixtures;

public static class ReaderTestExtensions
{
    public static async Task<ITabularReader> OpenAsync(string path, string? format = null, string? encoding = null, string? sheet = null) =>
        await TabularReaderFactory.OpenAsync(
            path, new TabularReadOptions { Format = format, Encoding = encoding, Sheet = sheet }, CancellationToken.None);

    /// <summary>Every row of a small fixture, each as an array of raw values.</summary>
    public static async Task<List<string?[]>> ReadAllAsync(this ITabularReader reader)
    {
        var rows = new List<string?[]>();
        while (await reader.ReadAsync(CancellationToken.None))
        {
            string?[] row = new string?[reader.Columns.Count];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static string[] ColumnNames(this ITabularReader reader) => reader.Columns.Select(c => c.Name).ToArray();
}
