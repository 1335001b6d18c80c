using Parquet;
using Parquet.Schema;

namespace CivicData.Web.Tests.Downloads;

/// <summary>A Parquet file read whole with Parquet.Net, a reader independent of the DuckDB that wrote it.</summary>
internal sealed record ParquetTable(IReadOnlyList<string> Names, IReadOnlyList<Type> Types, IReadOnlyDictionary<string, List<object?>> Columns)
{
    public int RowCount => Columns.Count == 0 ? 0 : Columns.First().Value.Count;

    public static async Task<ParquetTable> ReadAsync(Stream stream)
    {
        using var buffered = new MemoryStream();
        await stream.CopyToAsync(buffered);
        buffered.Position = 0;
        await using ParquetReader reader = await ParquetReader.CreateAsync(buffered);
        DataField[] fields = reader.Schema.GetDataFields();
        var columns = fields.ToDictionary(field => field.Name, _ => new List<object?>());
        for (int group = 0; group < reader.RowGroupCount; group++)
        {
            using ParquetRowGroupReader rows = reader.OpenRowGroupReader(group);
            int count = checked((int)rows.RowCount);
            foreach (DataField field in fields)
            {
                columns[field.Name].AddRange(await ReadColumnAsync(rows, field, count));
            }
        }

        return new ParquetTable([.. fields.Select(field => field.Name)], [.. fields.Select(field => field.ClrType)], columns);
    }

    public List<object?> this[string name] => Columns[name];

    private static async Task<IEnumerable<object?>> ReadColumnAsync(ParquetRowGroupReader rows, DataField field, int count)
    {
        // Parquet.Net 6 reports text columns as ReadOnlyMemory<char>; its string overload reads them as strings.
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            string?[] values = new string?[count];
            await rows.ReadAsync(field, values.AsMemory());
            return values;
        }

        if (field.ClrType == typeof(double))
        {
            return (await ReadNullableAsync<double>(rows, field, count)).Cast<object?>();
        }

        if (field.ClrType == typeof(bool))
        {
            return (await ReadNullableAsync<bool>(rows, field, count)).Cast<object?>();
        }

        if (field.ClrType == typeof(DateTime))
        {
            return (await ReadNullableAsync<DateTime>(rows, field, count)).Cast<object?>();
        }

        if (field.ClrType == typeof(long))
        {
            return (await ReadNullableAsync<long>(rows, field, count)).Cast<object?>();
        }

        throw new NotSupportedException($"Column {field.Name} has type {field.ClrType}.");
    }

    private static async Task<object?[]> ReadNullableAsync<T>(ParquetRowGroupReader rows, DataField field, int count)
        where T : struct
    {
        var values = new T?[count];
        await rows.ReadAsync(field, values.AsMemory());
        return [.. values.Select(value => (object?)value)];
    }
}
