using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CivicData.Core.Schema;
using CivicData.Soql;
using CivicData.Storage.Querying;
using CivicData.Web.Soda.Writers;

namespace CivicData.Web.Ckan.DataStore;

/// <summary>
/// DataStore records (ckan.md §5.1): <c>objects</c>, <c>lists</c>, or one <c>csv</c>/<c>tsv</c> string without a
/// header; numbers as JSON numbers, timestamps without a zone, geometries as GeoJSON, <c>:id</c> as the integer
/// <c>_id</c>. Rows are written as they are read.
/// </summary>
internal static class DatastoreRecords
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss";

    public static string NameOf(OutputColumn column) => column.Name == SystemColumns.Id ? DatastoreColumns.RowId : column.Name;

    public static string TypeOf(OutputColumn column) => column.Name == SystemColumns.Id ? "int" : CkanFieldTypes.NameOf(column.Type);

    /// <summary>Writes <c>"fields": [{"id", "type"}, ...]</c>.</summary>
    public static void WriteFields(Utf8JsonWriter json, ImmutableArray<OutputColumn> columns)
    {
        json.WriteStartArray("fields");
        foreach (OutputColumn column in columns)
        {
            json.WriteStartObject();
            json.WriteString("id", NameOf(column));
            json.WriteString("type", TypeOf(column));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// Writes <c>"records": …</c> from the reader, whose first row has already been read when <paramref name="hasRow"/>.
    /// Stops after <paramref name="maxRows"/> and says whether more rows were left.
    /// </summary>
    public static async Task<bool> WriteAsync(
        Utf8JsonWriter json, DbDataReader reader, bool hasRow, ImmutableArray<OutputColumn> columns, string format, int maxRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(reader);
        JsonEncodedText[] names = [.. columns.Select(column => JsonEncodedText.Encode(NameOf(column), CkanJson.WriterOptions.Encoder))];
        bool text = format is "csv" or "tsv";
        var buffer = text ? new StringBuilder() : null;
        char separator = format == "tsv" ? '\t' : ',';
        int count = 0;
        if (!text)
        {
            json.WriteStartArray("records");
        }

        while (hasRow)
        {
            if (count == maxRows)
            {
                break;
            }

            if (buffer is not null)
            {
                AppendLine(buffer, reader, columns, separator);
            }
            else if (format == "lists")
            {
                json.WriteStartArray();
                for (int i = 0; i < columns.Length; i++)
                {
                    WriteValue(json, reader, i, columns[i]);
                }

                json.WriteEndArray();
            }
            else
            {
                json.WriteStartObject();
                for (int i = 0; i < columns.Length; i++)
                {
                    json.WritePropertyName(names[i]);
                    WriteValue(json, reader, i, columns[i]);
                }

                json.WriteEndObject();
            }

            if (++count % RowWriting.FlushEvery == 0 && buffer is null)
            {
                await json.FlushAsync(cancellationToken);
            }

            hasRow = await reader.ReadAsync(cancellationToken);
        }

        if (buffer is not null)
        {
            json.WriteString("records", buffer.ToString());
        }
        else
        {
            json.WriteEndArray();
        }

        return hasRow;
    }

    private static void WriteValue(Utf8JsonWriter json, DbDataReader reader, int ordinal, OutputColumn column)
    {
        SodaType type = column.Type;
        if (type is SodaType.Point or SodaType.Location or SodaType.MultiPoint or SodaType.Line or SodaType.MultiLine or SodaType.Polygon or SodaType.MultiPolygon)
        {
            SodaCellFormat.WriteGeometry(json, reader, ordinal, type == SodaType.Location ? SodaType.Point : type);
            return;
        }

        if (reader.IsDBNull(ordinal))
        {
            json.WriteNullValue();
            return;
        }

        object value = reader.GetValue(ordinal);
        if (column.Name == SystemColumns.Id && value is string systemId && RowIds.TryToInteger(systemId, out long id))
        {
            json.WriteNumberValue(id);
            return;
        }

        switch (type)
        {
            case SodaType.Number or SodaType.Money or SodaType.Double when SodaNumberFormat.IsFinite(value):
                json.WriteRawValue(SodaNumberFormat.Format(value));
                break;
            case SodaType.Checkbox:
                json.WriteBooleanValue(value is bool flag ? flag : Convert.ToBoolean(value, CultureInfo.InvariantCulture));
                break;
            case SodaType.FloatingTimestamp or SodaType.FixedTimestamp:
                json.WriteStringValue(FormatTimestamp(value, type));
                break;
            case SodaType.Json:
                json.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null");
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void AppendLine(StringBuilder buffer, DbDataReader reader, ImmutableArray<OutputColumn> columns, char separator)
    {
        for (int i = 0; i < columns.Length; i++)
        {
            if (i > 0)
            {
                buffer.Append(separator);
            }

            string? cell = FormatText(reader, i, columns[i]);
            if (cell is null)
            {
                continue;
            }

            bool quote = cell.AsSpan().IndexOfAny([separator, '"', '\n', '\r']) >= 0;
            buffer.Append(quote ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell);
        }

        buffer.Append('\n');
    }

    private static string? FormatText(DbDataReader reader, int ordinal, OutputColumn column)
    {
        SodaType type = column.Type;
        if (type is SodaType.Point or SodaType.Location)
        {
            return CellReader.GetPoint(reader, ordinal) is (double lon, double lat)
                ? $"{{\"type\":\"Point\",\"coordinates\":[{SodaNumberFormat.Format(lon)},{SodaNumberFormat.Format(lat)}]}}"
                : null;
        }

        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        object value = reader.GetValue(ordinal);
        if (column.Name == SystemColumns.Id && value is string systemId && RowIds.TryToInteger(systemId, out long id))
        {
            return id.ToString(CultureInfo.InvariantCulture);
        }

        return type switch
        {
            SodaType.Number or SodaType.Money or SodaType.Double => SodaNumberFormat.Format(value),
            SodaType.Checkbox => (value is bool flag ? flag : Convert.ToBoolean(value, CultureInfo.InvariantCulture)) ? "true" : "false",
            SodaType.FloatingTimestamp or SodaType.FixedTimestamp => FormatTimestamp(value, type),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }

    private static string FormatTimestamp(object value, SodaType type)
    {
        DateTime time = value switch
        {
            DateTime dateTime => type == SodaType.FixedTimestamp && dateTime.Kind == DateTimeKind.Local ? dateTime.ToUniversalTime() : dateTime,
            DateTimeOffset offset => type == SodaType.FixedTimestamp ? offset.UtcDateTime : offset.DateTime,
            DateOnly date => date.ToDateTime(TimeOnly.MinValue),
            _ => DateTime.MinValue,
        };
        if (time == DateTime.MinValue && value is not DateTime)
        {
            return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }

        return time.Ticks % TimeSpan.TicksPerSecond == 0
            ? time.ToString(TimestampFormat, CultureInfo.InvariantCulture)
            : time.ToString(TimestampFormat + ".ffffff", CultureInfo.InvariantCulture);
    }
}
