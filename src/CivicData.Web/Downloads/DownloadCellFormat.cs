using System.Buffers;
using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text;
using CivicData.Core.Schema;
using CivicData.Soql;
using CivicData.Storage.DuckDb;
using CivicData.Web.Soda.Writers;

namespace CivicData.Web.Downloads;

/// <summary>
/// Cells of the full downloads written as UTF-8 straight into the output buffer, so a million-row export allocates
/// nothing per number or timestamp. Anything unusual (an exponent, NaN) falls back to SODA's own number text.
/// </summary>
internal static class DownloadCellFormat
{
    /// <summary>Room for any double in shortest round-trip form ("-1.2345678901234567E-308" is 24 bytes).</summary>
    public const int MaxNumberBytes = 32;

    /// <summary><c>MM/DD/YYYY hh:mm:ss AM</c>.</summary>
    public const int UsTimestampBytes = 22;

    /// <summary><c>YYYY-MM-DDThh:mm:ss</c>.</summary>
    public const int IsoTimestampBytes = 19;

    /// <summary>2^53: every whole double below it is exactly representable, and prints without an exponent.</summary>
    private const double MaxExactInteger = 9_007_199_254_740_992;

    /// <summary>Longest text transcoded into a worst-case-sized span; longer text is counted first.</summary>
    private const int MaxDirectChars = 4096;

    private static readonly SearchValues<char> s_needsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>A number as SODA prints it: plain notation, shortest round-trip digits, whole numbers without a fraction.</summary>
    public static void WriteNumber(IBufferWriter<byte> output, double value)
    {
        Span<byte> span = output.GetSpan(MaxNumberBytes);
        if (TryFormatNumber(value, span, out int written))
        {
            output.Advance(written);
        }
        else
        {
            Encoding.UTF8.GetBytes(SodaNumberFormat.Format(value), output);
        }
    }

    /// <summary>
    /// The plain-notation digits of a finite number into <paramref name="destination"/>; false when SODA's slower
    /// path must spell it instead (non-finite values, and magnitudes .NET would write with an exponent).
    /// </summary>
    public static bool TryFormatNumber(double value, Span<byte> destination, out int written)
    {
        // Whole numbers (ids, counts, zip codes: most numbers in open data) print as integers, several times faster
        // than the shortest round-trip search; below 2^53 every whole double is exactly that integer. -0 prints "0".
        if (Math.Abs(value) < MaxExactInteger && value == Math.Truncate(value))
        {
            return ((long)value).TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
        }

        if (double.IsFinite(value)
            && value.TryFormat(destination, out written, default, CultureInfo.InvariantCulture)
            && !destination[..written].Contains((byte)'E'))
        {
            return true;
        }

        written = 0;
        return false;
    }

    /// <summary>Socrata's download timestamp, <c>03/26/2014 10:38:01 PM</c> (12-hour clock, always with the time).</summary>
    public static void WriteUsTimestamp(IBufferWriter<byte> output, DateTime value)
    {
        Span<byte> span = output.GetSpan(UsTimestampBytes);
        value.Deconstruct(out int year, out int month, out int day);
        int hour = value.Hour % 12;
        WriteTwoDigits(span, 0, month);
        span[2] = (byte)'/';
        WriteTwoDigits(span, 3, day);
        span[5] = (byte)'/';
        WriteFourDigits(span, 6, year);
        span[10] = (byte)' ';
        WriteClock(span[11..], hour == 0 ? 12 : hour, value);
        span[19] = (byte)' ';
        span[20] = value.Hour < 12 ? (byte)'A' : (byte)'P';
        span[21] = (byte)'M';
        output.Advance(UsTimestampBytes);
    }

    /// <summary>The legacy rows.json timestamp, <c>2014-03-26T22:38:01</c>, into <paramref name="destination"/>.</summary>
    public static void FormatIsoTimestamp(DateTime value, Span<byte> destination)
    {
        value.Deconstruct(out int year, out int month, out int day);
        WriteFourDigits(destination, 0, year);
        destination[4] = (byte)'-';
        WriteTwoDigits(destination, 5, month);
        destination[7] = (byte)'-';
        WriteTwoDigits(destination, 8, day);
        destination[10] = (byte)'T';
        WriteClock(destination[11..], value.Hour, value);
    }

    /// <summary><c>POINT (lon lat)</c>.</summary>
    public static void WritePointWkt(IBufferWriter<byte> output, double longitude, double latitude)
    {
        output.Write("POINT ("u8);
        WriteNumber(output, longitude);
        output.Write(" "u8);
        WriteNumber(output, latitude);
        output.Write(")"u8);
    }

    /// <summary>A stored GeoJSON geometry as WKT (<c>MULTIPOLYGON (((…)))</c>).</summary>
    public static string ToWkt(string geoJson) => GeoJsonGeometry.Read(geoJson).AsText();

    /// <summary>Each output column's SODA type, and whether the store hands it back as a double.</summary>
    public static (SodaType[] Types, bool[] Doubles) DescribeColumns(DbDataReader reader, ImmutableArray<OutputColumn> columns)
    {
        SodaType[] types = [.. columns.Select(column => column.Type)];
        bool[] doubles = [.. Enumerable.Range(0, columns.Length).Select(i => reader.GetFieldType(i) == typeof(double))];
        return (types, doubles);
    }

    /// <summary>One CSV field of text, quoted (RFC 4180) only when it holds a comma, quote or line break.</summary>
    public static void WriteCsvText(IBufferWriter<byte> output, ReadOnlySpan<char> value)
    {
        if (!value.ContainsAny(s_needsQuotes))
        {
            WriteUtf8(output, value);
            return;
        }

        output.Write("\""u8);
        int quote;
        while ((quote = value.IndexOf('"')) >= 0)
        {
            // The quote itself, then its double.
            WriteUtf8(output, value[..(quote + 1)]);
            output.Write("\""u8);
            value = value[(quote + 1)..];
        }

        WriteUtf8(output, value);
        output.Write("\""u8);
    }

    /// <summary>
    /// Text as UTF-8 in one pass: the usual short cell gets room for its worst case and is transcoded straight in,
    /// where the general <see cref="EncodingExtensions"/> path would count the bytes first.
    /// </summary>
    public static void WriteUtf8(IBufferWriter<byte> output, ReadOnlySpan<char> value)
    {
        if (value.Length > MaxDirectChars)
        {
            Encoding.UTF8.GetBytes(value, output);
            return;
        }

        Span<byte> span = output.GetSpan((value.Length + 1) * 3);
        output.Advance(Encoding.UTF8.GetBytes(value, span));
    }

    /// <summary><c>hh:mm:ss</c> with the hour given (12- or 24-hour) and the minutes and seconds of <paramref name="time"/>.</summary>
    private static void WriteClock(Span<byte> span, int hour, DateTime time)
    {
        WriteTwoDigits(span, 0, hour);
        span[2] = (byte)':';
        WriteTwoDigits(span, 3, time.Minute);
        span[5] = (byte)':';
        WriteTwoDigits(span, 6, time.Second);
    }

    private static void WriteTwoDigits(Span<byte> span, int at, int value)
    {
        span[at] = (byte)('0' + (value / 10));
        span[at + 1] = (byte)('0' + (value % 10));
    }

    private static void WriteFourDigits(Span<byte> span, int at, int value)
    {
        WriteTwoDigits(span, at, value / 100);
        WriteTwoDigits(span, at + 2, value % 100);
    }
}
