using System.Diagnostics;
using CivicData.Core.Schema;

namespace CivicData.Storage.DuckDb;

/// <summary>
/// SQL that turns a staged text value into a typed value, and the checks type inference uses. Every piece is a
/// constant of ours wrapped around a quoted staging column; no value from a file is ever part of the SQL.
/// </summary>
internal static class DuckDbConversions
{
    /// <summary>Accepted floating timestamp forms besides ISO 8601 (which a plain cast reads).</summary>
    private const string TimestampFormats =
        "['%m/%d/%Y %I:%M:%S %p', '%m/%d/%Y %I:%M %p', '%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%m/%d/%Y', '%Y%m%d', '%Y-%m-%d %I:%M:%S %p', '%Y/%m/%d %H:%M:%S', '%Y/%m/%d']";

    private const string WktPointPattern = "'^\\s*[Pp][Oo][Ii][Nn][Tt]\\s*\\(\\s*(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\\s+(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\\s*\\)\\s*$'";

    /// <summary>The value with surrounding blanks removed and empty text as null.</summary>
    public static string Trimmed(string column) => $"NULLIF(trim({column}), '')";

    public static string PhysicalType(SodaType type) => type switch
    {
        SodaType.Number or SodaType.Double or SodaType.Money => "DOUBLE",
        SodaType.Checkbox => "BOOLEAN",
        SodaType.FloatingTimestamp or SodaType.FixedTimestamp => "TIMESTAMP",
        SodaType.Point or SodaType.Location => "STRUCT(lon DOUBLE, lat DOUBLE)",
        SodaType.Text or SodaType.Url or SodaType.Json or SodaType.MultiPoint or SodaType.Line or SodaType.MultiLine
            or SodaType.Polygon or SodaType.MultiPolygon => "VARCHAR",
        _ => throw new UnreachableException(),
    };

    /// <summary>The typed value of a staged column; null when it does not convert (see <see cref="Fails"/>).</summary>
    public static string Convert(string column, SodaType type)
    {
        string v = Trimmed(column);
        return type switch
        {
            SodaType.Text or SodaType.Url => $"NULLIF({column}, '')",
            SodaType.Number or SodaType.Double or SodaType.Money => $"TRY_CAST({v} AS DOUBLE)",
            SodaType.Checkbox => $"(CASE lower({v}) WHEN 'true' THEN true WHEN 't' THEN true WHEN 'yes' THEN true WHEN 'y' THEN true WHEN '1' THEN true " +
                                 $"WHEN 'false' THEN false WHEN 'f' THEN false WHEN 'no' THEN false WHEN 'n' THEN false WHEN '0' THEN false END)",
            SodaType.FloatingTimestamp or SodaType.FixedTimestamp => Timestamp(v),
            SodaType.Point or SodaType.Location => $"COALESCE({WktPoint(v)}, {GeoJsonPoint(v)})",
            SodaType.MultiPoint => GeoJsonOf(v, "'MultiPoint'"),
            SodaType.Line => GeoJsonOf(v, "'LineString'"),
            SodaType.MultiLine => GeoJsonOf(v, "'MultiLineString'"),
            SodaType.Polygon => GeoJsonOf(v, "'Polygon'"),
            SodaType.MultiPolygon => $"(CASE WHEN {GeometryType(v)} = 'Polygon' " +
                                     $"THEN json_object('type', 'MultiPolygon', 'coordinates', json_array(json_extract({v}, '$.coordinates')))::VARCHAR " +
                                     $"ELSE {GeoJsonOf(v, "'MultiPolygon'")} END)",
            SodaType.Json => $"(CASE WHEN json_valid({v}) THEN json({v})::VARCHAR END)",
            _ => throw new UnreachableException(),
        };
    }

    /// <summary>False for text and URLs, which take any value: no need to look for values that fail.</summary>
    public static bool CanFail(SodaType type) => type is not (SodaType.Text or SodaType.Url);

    /// <summary>True when the staged value is present but does not convert.</summary>
    public static string Fails(string column, SodaType type) => $"({Trimmed(column)} IS NOT NULL AND {Convert(column, type)} IS NULL)";

    public static string Reason(SodaType type) => type switch
    {
        SodaType.Number or SodaType.Double or SodaType.Money => "not a number",
        SodaType.Checkbox => "not true or false",
        SodaType.FloatingTimestamp or SodaType.FixedTimestamp => "not a date and time (use ISO 8601 or MM/DD/YYYY hh:mm:ss AM)",
        SodaType.Point or SodaType.Location => "not a point (use WKT POINT (lon lat) or a GeoJSON Point)",
        SodaType.Json => "not valid JSON",
        _ => $"not a GeoJSON {type.ToName()} geometry",
    };

    public static string Timestamp(string trimmed) =>
        $"COALESCE(TRY_CAST({trimmed} AS TIMESTAMP), try_strptime({trimmed}, {TimestampFormats}))";

    public static string PointFromLatitudeLongitude(string latitudeColumn, string longitudeColumn)
    {
        string lat = $"TRY_CAST({Trimmed(latitudeColumn)} AS DOUBLE)";
        string lon = $"TRY_CAST({Trimmed(longitudeColumn)} AS DOUBLE)";
        return $"(CASE WHEN {lat} BETWEEN -90 AND 90 AND {lon} BETWEEN -180 AND 180 THEN struct_pack(lon := {lon}, lat := {lat}) END)";
    }

    // Inference checks: each is true for a value that the candidate type reads exactly.
    public static string LooksLikeCheckbox(string trimmed) => $"lower({trimmed}) IN ('true', 'false')";

    /// <summary>Plain decimal numbers; leading zeros and a leading '+' mean codes or phone numbers, so they stay text.</summary>
    public static string LooksLikeNumber(string trimmed) =>
        $"regexp_full_match({trimmed}, '-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?|-?\\.[0-9]+')";

    /// <summary>Dates with separators only, so that numbers such as 20180101 are not taken for dates.</summary>
    public static string LooksLikeTimestamp(string trimmed) =>
        $"(regexp_matches({trimmed}, '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') OR regexp_matches({trimmed}, '^[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{4}}')) AND {Timestamp(trimmed)} IS NOT NULL";

    public static string LooksLikeWktPoint(string trimmed) => $"regexp_matches({trimmed}, {WktPointPattern})";

    public static string LooksLikeUrl(string trimmed) => $"regexp_full_match({trimmed}, 'https?://[^\\s]+')";

    public static string LooksLikeGeoJson(string trimmed) =>
        $"({GeometryType(trimmed)} IN ('Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'))";

    /// <summary>The "type" member of a JSON object, or null. CASE keeps the JSON functions away from values that are not JSON, which would make them throw.</summary>
    private static string GeometryType(string trimmed) =>
        $"(CASE WHEN starts_with({trimmed}, '{{') AND json_valid({trimmed}) THEN json_extract_string({trimmed}, '$.type') END)";

    private static string WktPoint(string trimmed) =>
        $"(CASE WHEN regexp_matches({trimmed}, {WktPointPattern}) THEN struct_pack(" +
        $"lon := TRY_CAST(regexp_extract({trimmed}, {WktPointPattern}, 1) AS DOUBLE), " +
        $"lat := TRY_CAST(regexp_extract({trimmed}, {WktPointPattern}, 2) AS DOUBLE)) END)";

    private static string GeoJsonPoint(string trimmed) =>
        $"(CASE WHEN {GeometryType(trimmed)} = 'Point' THEN struct_pack(" +
        $"lon := TRY_CAST(json_extract({trimmed}, '$.coordinates[0]') AS DOUBLE), " +
        $"lat := TRY_CAST(json_extract({trimmed}, '$.coordinates[1]') AS DOUBLE)) END)";

    private static string GeoJsonOf(string trimmed, string geometryTypeLiteral) =>
        $"(CASE WHEN {GeometryType(trimmed)} = {geometryTypeLiteral} THEN json({trimmed})::VARCHAR END)";
}
