using System.Globalization;

using CivicData.Core;

namespace CivicData.Ingest.Readers;

/// <summary>
/// Every error the readers raise, written in one place so that codes and wording stay consistent. Each method returns
/// the exception for the caller to throw, so control flow stays visible at the throw site.
/// </summary>
internal static class ReaderErrors
{
    public const string SupportedFormats = "csv, tsv, json, ndjson, geojson, xlsx";

    public static ValidationError RaggedRow(long rowNumber, int fieldCount, int headerCount) => new(
        "ingest.ragged-row",
        string.Create(CultureInfo.InvariantCulture,
            $"Row {rowNumber} has {fieldCount} fields but the header has only {headerCount}."),
        Details(("row", rowNumber), ("fields", fieldCount), ("headerFields", headerCount)));

    public static ValidationError InvalidUtf8(long line, long byteOffset) => new(
        "ingest.encoding",
        string.Create(CultureInfo.InvariantCulture,
            $"The file is not valid UTF-8: line {line} has an undecodable byte at byte offset {byteOffset}. If the file was saved by a Windows program, try again with --encoding windows-1252."),
        Details(("line", line), ("byteOffset", byteOffset)));

    public static ValidationError UnknownEncoding(string name) => new(
        "ingest.unknown-encoding",
        $"'{name}' is not a text encoding this server knows. Try utf-8, windows-1252, latin1 or utf-16.",
        Details(("encoding", name)));

    public static ValidationError UnsupportedFormat(string problem) => new(
        "ingest.unsupported-format",
        $"{problem} Supported formats: {SupportedFormats}.",
        Details(("supported", SupportedFormats)));

    public static ValidationError Unreadable(string path, Exception inner) => new(
        "ingest.unreadable",
        $"The file '{Path.GetFileName(path)}' could not be opened: {inner.Message}",
        null,
        inner);

    public static ValidationError Empty(string expected) => new(
        "ingest.empty", $"The file is empty; expected {expected}.");

    public static ValidationError Malformed(string message, Exception? inner = null) => new(
        "ingest.malformed", message, null, inner);

    public static ValidationError RecordTooLarge(long rowNumber, Exception inner) => new(
        "ingest.record-too-large",
        string.Create(CultureInfo.InvariantCulture,
            $"Row {rowNumber} is too large to read (over 16 million characters). Is a quote left open?"),
        Details(("row", rowNumber)),
        inner);

    public static ValidationError UnknownSheet(string sheet, IReadOnlyList<string> sheets) => new(
        "ingest.unknown-sheet",
        $"The workbook has no sheet named '{sheet}'. Its sheets are: {string.Join(", ", sheets.Select(s => $"'{s}'"))}.",
        Details(("sheet", sheet), ("sheets", sheets)));

    public static ValidationError UnsupportedCrs(string crs) => new(
        "ingest.unsupported-crs",
        $"The GeoJSON uses the coordinate reference system '{crs}'. Only WGS 84 longitude/latitude (CRS84, EPSG:4326) is supported; reproject the file first.",
        Details(("crs", crs)));

    public static ValidationError MixedGeometry(IEnumerable<string> geometryTypes) => new(
        "ingest.mixed-geometry",
        $"The features mix geometry types that cannot share one column ({string.Join(", ", geometryTypes)}). Split the file by geometry type.",
        Details(("geometryTypes", geometryTypes.ToArray())));

    public static ValidationError UnsupportedGeometry(string geometryType, long featureNumber) => new(
        "ingest.unsupported-geometry",
        string.Create(CultureInfo.InvariantCulture,
            $"Feature {featureNumber} has a geometry of type '{geometryType}', which cannot be stored. Use Point, LineString, Polygon or their Multi forms."),
        Details(("geometryType", geometryType), ("feature", featureNumber)));

    private static Dictionary<string, object?> Details(params (string Key, object? Value)[] pairs)
    {
        var details = new Dictionary<string, object?>(pairs.Length);
        foreach ((string key, object? value) in pairs)
        {
            details[key] = value;
        }

        return details;
    }
}
