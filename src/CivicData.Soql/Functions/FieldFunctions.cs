using System.Collections.Frozen;
using CivicData.Core.Schema;

namespace CivicData.Soql.Functions;

/// <summary>
/// What <c>expr.field</c> means for each type (soda.md §6.3 dot fields). These symbols are not callable by name;
/// the binder finds them by the operand's type and the field name.
/// </summary>
internal static class FieldFunctions
{
    private static readonly FrozenDictionary<string, FunctionSymbol> s_pointFields = new Dictionary<string, FunctionSymbol>
    {
        ["latitude"] = new("latitude", FunctionKind.PointLatitude, [TypeSet.PointLike], FunctionSymbol.Returns(SodaType.Number)),
        ["longitude"] = new("longitude", FunctionKind.PointLongitude, [TypeSet.PointLike], FunctionSymbol.Returns(SodaType.Number)),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, FunctionSymbol> s_urlFields = new Dictionary<string, FunctionSymbol>
    {
        ["url"] = new("url", FunctionKind.UrlUrl, [TypeSet.Text], FunctionSymbol.Returns(SodaType.Text)),
        ["description"] = new("description", FunctionKind.UrlDescription, [TypeSet.Text], FunctionSymbol.Returns(SodaType.Text)),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, FunctionSymbol> s_timestampFields = new Dictionary<string, FunctionSymbol>
    {
        ["year"] = Extract("year", FunctionKind.DateExtractY),
        ["month"] = Extract("month", FunctionKind.DateExtractM),
        ["day"] = Extract("day", FunctionKind.DateExtractD),
        ["hour"] = Extract("hour", FunctionKind.DateExtractHh),
        ["minute"] = Extract("minute", FunctionKind.DateExtractMm),
        ["second"] = Extract("second", FunctionKind.DateExtractSs),
        ["dow"] = Extract("dow", FunctionKind.DateExtractDow),
        ["woy"] = Extract("woy", FunctionKind.DateExtractWoy),
        ["date"] = new("date", FunctionKind.DateTruncYmd, [TypeSet.Timestamp], FunctionSymbol.SameAsFirst),
    }.ToFrozenDictionary();

    /// <summary>The field <paramref name="field"/> (already lower-cased) of a value of <paramref name="type"/>, or null.</summary>
    public static FunctionSymbol? Find(SodaType type, string field)
    {
        FrozenDictionary<string, FunctionSymbol>? fields = type switch
        {
            SodaType.Point or SodaType.Location => s_pointFields,
            SodaType.Url => s_urlFields,
            SodaType.FloatingTimestamp or SodaType.FixedTimestamp => s_timestampFields,
            _ => null,
        };
        return fields?.GetValueOrDefault(field);
    }

    private static FunctionSymbol Extract(string name, FunctionKind kind) =>
        new(name, kind, [TypeSet.Timestamp], FunctionSymbol.Returns(SodaType.Number));
}
