using System.Buffers;
using System.Collections.Immutable;
using System.Data.Common;
using System.IO.Pipelines;
using System.Text;
using CivicData.Core.Schema;
using CivicData.Soql;
using CivicData.Storage.Querying;
using CivicData.Web.Soda.Writers;

namespace CivicData.Web.Downloads;

/// <summary>
/// Socrata's full CSV download (soda.md §2.3): a header of column display names, RFC 4180 quoting, <c>\n</c> line
/// ends, floating timestamps as <c>MM/DD/YYYY hh:mm:ss AM</c>, points and other geometries as WKT.
/// </summary>
/// <param name="displayNames">Header text, one per output column, in output order.</param>
/// <param name="byteOrderMark">Start with a UTF-8 BOM (<c>$$bom=true</c>), which spreadsheet programs look for.</param>
internal sealed class DownloadCsvWriter(ImmutableArray<string> displayNames, bool byteOrderMark) : IRowWriter
{
    public string ContentType => "text/csv; charset=UTF-8";

    public async Task WriteAsync(DbDataReader reader, ImmutableArray<OutputColumn> columns, PipeWriter output, CancellationToken cancellationToken)
    {
        RowWriting.CheckColumns(reader, columns);
        ArgumentNullException.ThrowIfNull(output);
        if (displayNames.Length != columns.Length)
        {
            throw new InvalidOperationException($"{displayNames.Length} display names for {columns.Length} output columns.");
        }

        (SodaType[] types, bool[] doubles) = DownloadCellFormat.DescribeColumns(reader, columns);

        // First row before the first byte: an early failure can still become an error response.
        bool more = await reader.ReadAsync(cancellationToken);
        using var buffer = new ChunkedPipeBuffer(output);
        if (byteOrderMark)
        {
            buffer.Write(Encoding.UTF8.Preamble);
        }

        for (int i = 0; i < displayNames.Length; i++)
        {
            if (i > 0)
            {
                buffer.WriteByte((byte)',');
            }

            DownloadCellFormat.WriteCsvText(buffer, displayNames[i]);
        }

        buffer.WriteByte((byte)'\n');
        int sinceFlush = 0;
        while (more)
        {
            for (int i = 0; i < types.Length; i++)
            {
                if (i > 0)
                {
                    buffer.WriteByte((byte)',');
                }

                WriteCell(buffer, reader, i, types[i], doubles[i]);
            }

            buffer.WriteByte((byte)'\n');
            if (++sinceFlush == RowWriting.FlushEvery)
            {
                sinceFlush = 0;
                buffer.Commit();
                if (!await RowWriting.FlushAsync(output, cancellationToken))
                {
                    return;
                }
            }

            more = await reader.ReadAsync(cancellationToken);
        }

        buffer.Commit();
        await RowWriting.FlushAsync(output, cancellationToken);
    }

    private static void WriteCell(ChunkedPipeBuffer output, DbDataReader reader, int ordinal, SodaType type, bool isDouble)
    {
        if (type is SodaType.Point or SodaType.Location)
        {
            if (CellReader.GetPoint(reader, ordinal) is (double lon, double lat))
            {
                DownloadCellFormat.WritePointWkt(output, lon, lat);
            }

            return;
        }

        if (reader.IsDBNull(ordinal))
        {
            return;
        }

        switch (type)
        {
            case SodaType.Number or SodaType.Double or SodaType.Money when isDouble:
                DownloadCellFormat.WriteNumber(output, reader.GetDouble(ordinal));
                break;
            case SodaType.Number or SodaType.Double or SodaType.Money:
                Encoding.UTF8.GetBytes(SodaNumberFormat.Format(reader.GetValue(ordinal)), output);
                break;
            case SodaType.Checkbox:
                output.Write(reader.GetBoolean(ordinal) ? "true"u8 : "false"u8);
                break;
            case SodaType.FloatingTimestamp or SodaType.FixedTimestamp:
                // Fixed timestamps are stored as UTC and printed in the same 12-hour form, in UTC.
                DownloadCellFormat.WriteUsTimestamp(output, reader.GetDateTime(ordinal));
                break;
            case SodaType.MultiPoint or SodaType.Line or SodaType.MultiLine or SodaType.Polygon or SodaType.MultiPolygon:
                DownloadCellFormat.WriteCsvText(output, DownloadCellFormat.ToWkt(reader.GetString(ordinal)));
                break;
            default:
                // Text, URL and JSON are stored as text.
                DownloadCellFormat.WriteCsvText(output, reader.GetString(ordinal));
                break;
        }
    }
}
