using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CivicData.Core.Schema;
using CivicData.Storage.Querying;

namespace CivicData.Web.Soda.Writers;

/// <summary>
/// One cell in SODA's wire formats (soda.md §4): the JSON value, and the text used by CSV and the portal's tables.
/// Every reader-specific shape is handled here so the writers stay about layout only.
/// </summary>
internal static class SodaCellFormat
{
    public const string FloatingFormat = "yyyy-MM-dd'T'HH:mm:ss.fff";

    public const string FixedFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The CSV/HTML text of a cell; null for a null cell.</summary>
    public static string? FormatText(DbDataReader reader, int ordinal, SodaType type)
    {
        if (type is SodaType.Point or SodaType.Location)
        {
            return CellReader.GetPoint(reader, ordinal) is (double lon, double lat)
                ? $"POINT ({SodaNumberFormat.Format(lon)} {SodaNumberFormat.Format(lat)})"
                : null;
        }

        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        object value = reader.GetValue(ordinal);
        return type switch
        {
            SodaType.Number or SodaType.Money or SodaType.Double => SodaNumberFormat.Format(value),
            SodaType.Checkbox => ToBoolean(value) ? "true" : "false",
            SodaType.FloatingTimestamp => FormatFloating(value),
            SodaType.FixedTimestamp => FormatFixed(value),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
    }

    /// <summary>
    /// Writes <c>"name": value</c> for a cell. A null cell writes <c>"name": null</c> when <paramref name="writeNull"/>
    /// (GeoJSON properties) and nothing at all otherwise (SODA JSON omits nulls).
    /// </summary>
    public static void WriteJsonProperty(Utf8JsonWriter writer, JsonEncodedText name, DbDataReader reader, int ordinal, SodaType type, bool writeNull)
    {
        if (type is SodaType.Point or SodaType.Location)
        {
            if (CellReader.GetPoint(reader, ordinal) is not (double lon, double lat))
            {
                WriteNull(writer, name, writeNull);
                return;
            }

            writer.WritePropertyName(name);
            if (type == SodaType.Point)
            {
                WritePoint(writer, lon, lat);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteString("latitude", SodaNumberFormat.Format(lat));
                writer.WriteString("longitude", SodaNumberFormat.Format(lon));
                writer.WriteEndObject();
            }

            return;
        }

        if (reader.IsDBNull(ordinal))
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WritePropertyName(name);
        WriteJsonValue(writer, reader.GetValue(ordinal), type);
    }

    /// <summary>Writes a GeoJSON geometry object for a geometry cell, or JSON null.</summary>
    public static void WriteGeometry(Utf8JsonWriter writer, DbDataReader reader, int ordinal, SodaType type)
    {
        if (type is SodaType.Point or SodaType.Location)
        {
            if (CellReader.GetPoint(reader, ordinal) is (double lon, double lat))
            {
                WritePoint(writer, lon, lat);
            }
            else
            {
                writer.WriteNullValue();
            }

            return;
        }

        if (reader.IsDBNull(ordinal))
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteRawValue(Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture) ?? "null");
    }

    private static void WriteNull(Utf8JsonWriter writer, JsonEncodedText name, bool writeNull)
    {
        if (writeNull)
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteJsonValue(Utf8JsonWriter writer, object value, SodaType type)
    {
        switch (type)
        {
            case SodaType.Number or SodaType.Money:
                writer.WriteStringValue(SodaNumberFormat.Format(value));
                break;
            case SodaType.Double:
                // A JSON number, except NaN and the infinities, which JSON cannot spell.
                if (SodaNumberFormat.IsFinite(value))
                {
                    writer.WriteRawValue(SodaNumberFormat.Format(value));
                }
                else
                {
                    writer.WriteStringValue(SodaNumberFormat.Format(value));
                }

                break;
            case SodaType.Checkbox:
                writer.WriteBooleanValue(ToBoolean(value));
                break;
            case SodaType.FloatingTimestamp:
                writer.WriteStringValue(FormatFloating(value));
                break;
            case SodaType.FixedTimestamp:
                writer.WriteStringValue(FormatFixed(value));
                break;
            case SodaType.Url:
                writer.WriteStartObject();
                writer.WriteString("url", Convert.ToString(value, CultureInfo.InvariantCulture));
                writer.WriteEndObject();
                break;
            case SodaType.MultiPoint or SodaType.Line or SodaType.MultiLine or SodaType.Polygon or SodaType.MultiPolygon or SodaType.Json:
                // Stored as JSON text already; validated on the way out so a bad cell can't corrupt the document.
                writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null");
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    public static void WritePoint(Utf8JsonWriter writer, double lon, double lat)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Point");
        writer.WriteStartArray("coordinates");
        writer.WriteRawValue(SodaNumberFormat.Format(lon));
        writer.WriteRawValue(SodaNumberFormat.Format(lat));
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static bool ToBoolean(object value) => value is bool b ? b : Convert.ToBoolean(value, CultureInfo.InvariantCulture);

    private static string FormatFloating(object value) => value switch
    {
        DateTime dateTime => dateTime.ToString(FloatingFormat, CultureInfo.InvariantCulture),
        DateTimeOffset offset => offset.DateTime.ToString(FloatingFormat, CultureInfo.InvariantCulture),
        DateOnly date => date.ToDateTime(TimeOnly.MinValue).ToString(FloatingFormat, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string FormatFixed(object value) => value switch
    {
        // An unspecified kind is how the store hands back UTC instants.
        DateTime dateTime => (dateTime.Kind == DateTimeKind.Local ? dateTime.ToUniversalTime() : dateTime).ToString(FixedFormat, CultureInfo.InvariantCulture),
        DateTimeOffset offset => offset.UtcDateTime.ToString(FixedFormat, CultureInfo.InvariantCulture),
        DateOnly date => date.ToDateTime(TimeOnly.MinValue).ToString(FixedFormat, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
