using System.Collections.Frozen;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace CivicData.Core.Schema;

/// <summary>Wire names of <see cref="SodaType"/>: the X-SODA2-Types names and the legacy /api/views names.</summary>
public static class SodaTypeNames
{
    private static readonly FrozenDictionary<string, SodaType> s_byName = new Dictionary<string, SodaType>(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = SodaType.Text,
        ["number"] = SodaType.Number,
        ["double"] = SodaType.Double,
        ["money"] = SodaType.Money,
        ["checkbox"] = SodaType.Checkbox,
        ["boolean"] = SodaType.Checkbox,
        ["floating_timestamp"] = SodaType.FloatingTimestamp,
        ["calendar_date"] = SodaType.FloatingTimestamp,
        ["fixed_timestamp"] = SodaType.FixedTimestamp,
        ["date"] = SodaType.FixedTimestamp,
        ["point"] = SodaType.Point,
        ["multipoint"] = SodaType.MultiPoint,
        ["line"] = SodaType.Line,
        ["multiline"] = SodaType.MultiLine,
        ["polygon"] = SodaType.Polygon,
        ["multipolygon"] = SodaType.MultiPolygon,
        ["location"] = SodaType.Location,
        ["url"] = SodaType.Url,
        ["json"] = SodaType.Json,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The SoQL name, as sent in X-SODA2-Types.</summary>
    public static string ToName(this SodaType type) => type switch
    {
        SodaType.Text => "text",
        SodaType.Number => "number",
        SodaType.Double => "double",
        SodaType.Money => "money",
        SodaType.Checkbox => "checkbox",
        SodaType.FloatingTimestamp => "floating_timestamp",
        SodaType.FixedTimestamp => "fixed_timestamp",
        SodaType.Point => "point",
        SodaType.MultiPoint => "multipoint",
        SodaType.Line => "line",
        SodaType.MultiLine => "multiline",
        SodaType.Polygon => "polygon",
        SodaType.MultiPolygon => "multipolygon",
        SodaType.Location => "location",
        SodaType.Url => "url",
        SodaType.Json => "json",
        _ => throw new UnreachableException(),
    };

    /// <summary>The legacy name used in /api/views column metadata (dataTypeName).</summary>
    public static string ToViewsName(this SodaType type) => type switch
    {
        SodaType.FloatingTimestamp => "calendar_date",
        SodaType.FixedTimestamp => "date",
        _ => type.ToName(),
    };

    public static bool TryParse([NotNullWhen(true)] string? name, out SodaType type)
    {
        type = default;
        return name is not null && s_byName.TryGetValue(name.Trim(), out type);
    }

    public static bool IsGeometry(this SodaType type) => type is SodaType.Point or SodaType.MultiPoint or SodaType.Line
        or SodaType.MultiLine or SodaType.Polygon or SodaType.MultiPolygon or SodaType.Location;

    public static bool IsNumeric(this SodaType type) => type is SodaType.Number or SodaType.Double or SodaType.Money;
}
