using System.Buffers;
using System.Collections.Immutable;
using System.Data.Common;
using System.IO.Pipelines;
using System.Text;
using CivicData.Soql;
using CivicData.Storage.Querying;

namespace CivicData.Web.Soda.Writers;

/// <summary>
/// SODA CSV (soda.md §5.2): a header of output names, RFC 4180 quoting, <c>\n</c> line ends, null as an empty field,
/// points as WKT and other geometries as GeoJSON text.
/// </summary>
/// <param name="byteOrderMark">Start with a UTF-8 BOM (<c>$$bom=true</c>), which spreadsheet programs look for.</param>
public sealed class CsvRowWriter(bool byteOrderMark = false) : IRowWriter
{
    private static readonly SearchValues<char> s_needsQuotes = SearchValues.Create(",\"\r\n");

    public string ContentType => "text/csv; charset=UTF-8";

    public bool ByteOrderMark => byteOrderMark;

    public async Task WriteAsync(DbDataReader reader, ImmutableArray<OutputColumn> columns, PipeWriter output, CancellationToken cancellationToken)
    {
        RowWriting.CheckColumns(reader, columns);
        ArgumentNullException.ThrowIfNull(output);

        // First row before the first byte: an early failure can still become an error response.
        bool more = await reader.ReadAsync(cancellationToken);
        if (byteOrderMark)
        {
            output.Write(Encoding.UTF8.Preamble);
        }

        for (int i = 0; i < columns.Length; i++)
        {
            WriteField(output, columns[i].Name, last: i == columns.Length - 1);
        }

        int sinceFlush = 0;
        while (more)
        {
            for (int i = 0; i < columns.Length; i++)
            {
                WriteField(output, SodaCellFormat.FormatText(reader, i, columns[i].Type), last: i == columns.Length - 1);
            }

            if (++sinceFlush == RowWriting.FlushEvery)
            {
                sinceFlush = 0;
                if (!await RowWriting.FlushAsync(output, cancellationToken))
                {
                    return;
                }
            }

            more = await reader.ReadAsync(cancellationToken);
        }

        await RowWriting.FlushAsync(output, cancellationToken);
    }

    private static void WriteField(PipeWriter output, string? value, bool last)
    {
        if (!string.IsNullOrEmpty(value))
        {
            if (value.AsSpan().ContainsAny(s_needsQuotes))
            {
                output.Write("\""u8);
                Encoding.UTF8.GetBytes(value.Replace("\"", "\"\"", StringComparison.Ordinal), output);
                output.Write("\""u8);
            }
            else
            {
                Encoding.UTF8.GetBytes(value, output);
            }
        }

        output.Write(last ? "\n"u8 : ","u8);
    }
}
