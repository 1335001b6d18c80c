using System.Collections.Immutable;
using System.Data.Common;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text.Json;
using CivicData.Core.Schema;
using CivicData.Soql;
using CivicData.Storage.Querying;
using CivicData.Web.Soda.Writers;
using CivicData.Web.Views;

namespace CivicData.Web.Downloads;

/// <summary>
/// Socrata's legacy full JSON download: <c>{"meta":{"view":{…}},"data":[[…],…]}</c>. Each row is an array of the
/// eight system values (sid, id, position, created_at, created_meta, updated_at, updated_meta, meta) followed by the
/// user columns; numbers are strings, floating timestamps <c>2014-03-26T22:38:01</c>, nulls stay null.
/// </summary>
/// <param name="view">The view object of <c>GET /api/views/{id}.json</c>, its columns led by the system ones.</param>
internal sealed class DownloadJsonWriter(ViewDto view) : IRowWriter
{
    /// <summary>The query's leading columns, in this order, before the user columns.</summary>
    public static readonly ImmutableArray<string> QueryFields = [SystemColumns.Id, SystemColumns.CreatedAt, SystemColumns.UpdatedAt, SystemColumns.Sequence];

    private const int IdAt = 0;
    private const int CreatedAtAt = 1;
    private const int UpdatedAtAt = 2;
    private const int SequenceAt = 3;

    public string ContentType => "application/json; charset=UTF-8";

    public async Task WriteAsync(DbDataReader reader, ImmutableArray<OutputColumn> columns, PipeWriter output, CancellationToken cancellationToken)
    {
        RowWriting.CheckColumns(reader, columns);
        ArgumentNullException.ThrowIfNull(output);
        for (int i = 0; i < QueryFields.Length; i++)
        {
            if (columns.Length <= i || columns[i].Name != QueryFields[i])
            {
                throw new UnreachableException($"Output column {i} should be {QueryFields[i]}.");
            }
        }

        (SodaType[] types, bool[] doubles) = DownloadCellFormat.DescribeColumns(reader, columns);

        // First row before the first byte: an early failure can still become an error response.
        bool more = await reader.ReadAsync(cancellationToken);
        await using var json = new Utf8JsonWriter(output, JsonRowWriter.WriterOptions);
        json.WriteStartObject();
        json.WriteStartObject("meta");
        json.WritePropertyName("view");
        JsonSerializer.Serialize(json, view, ViewsEndpoints.JsonOptions);
        json.WriteEndObject();
        json.WriteStartArray("data");
        if (more && !await RowWriting.WriteJsonRowsAsync(reader, json, output, WriteRow, cancellationToken))
        {
            return;
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        await RowWriting.FlushAsync(output, cancellationToken);

        void WriteRow(Utf8JsonWriter row)
        {
            long sequence = reader.GetInt64(SequenceAt);
            row.WriteStartArray();
            row.WriteNumberValue(sequence);
            row.WriteStringValue(reader.GetString(IdAt));
            row.WriteNumberValue(sequence);
            WriteUnixSeconds(row, reader, CreatedAtAt);
            row.WriteNullValue();
            WriteUnixSeconds(row, reader, UpdatedAtAt);
            row.WriteNullValue();
            row.WriteStringValue("{ }"u8);
            for (int i = QueryFields.Length; i < types.Length; i++)
            {
                WriteValue(row, reader, i, types[i], doubles[i]);
            }

            row.WriteEndArray();
        }
    }

    private static void WriteUnixSeconds(Utf8JsonWriter row, DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            row.WriteNullValue();
            return;
        }

        // The store keeps system times as UTC in an unzoned timestamp.
        DateTime utc = DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
        row.WriteNumberValue(new DateTimeOffset(utc).ToUnixTimeSeconds());
    }

    private static void WriteValue(Utf8JsonWriter row, DbDataReader reader, int ordinal, SodaType type, bool isDouble)
    {
        if (type.IsGeometry())
        {
            // Points as SODA point objects, other geometries as the GeoJSON they are stored as; null as null.
            SodaCellFormat.WriteGeometry(row, reader, ordinal, type);
            return;
        }

        if (reader.IsDBNull(ordinal))
        {
            row.WriteNullValue();
            return;
        }

        switch (type)
        {
            case SodaType.Number or SodaType.Double or SodaType.Money when isDouble:
                double number = reader.GetDouble(ordinal);
                Span<byte> digits = stackalloc byte[DownloadCellFormat.MaxNumberBytes];
                if (DownloadCellFormat.TryFormatNumber(number, digits, out int written))
                {
                    row.WriteStringValue(digits[..written]);
                }
                else
                {
                    row.WriteStringValue(SodaNumberFormat.Format(number));
                }

                break;
            case SodaType.Number or SodaType.Double or SodaType.Money:
                row.WriteStringValue(SodaNumberFormat.Format(reader.GetValue(ordinal)));
                break;
            case SodaType.Checkbox:
                row.WriteBooleanValue(reader.GetBoolean(ordinal));
                break;
            case SodaType.FloatingTimestamp or SodaType.FixedTimestamp:
                Span<byte> timestamp = stackalloc byte[DownloadCellFormat.IsoTimestampBytes];
                DownloadCellFormat.FormatIsoTimestamp(reader.GetDateTime(ordinal), timestamp);
                row.WriteStringValue(timestamp);
                break;
            case SodaType.Json:
                // Stored as JSON text already.
                row.WriteRawValue(reader.GetString(ordinal));
                break;
            default:
                // Text and URL.
                row.WriteStringValue(reader.GetString(ordinal));
                break;
        }
    }
}
