using CivicData.Core.Schema;

namespace CivicData.Soql.Functions;

/// <summary>Date/time functions (soda.md §6.8 Date/time).</summary>
internal static class DateFunctions
{
    public static IEnumerable<FunctionSymbol> Functions { get; } =
    [
        new("date_trunc_ymd", FunctionKind.DateTruncYmd, [TypeSet.Timestamp], FunctionSymbol.Returns(SodaType.FloatingTimestamp)),
        new("date_trunc_ym", FunctionKind.DateTruncYm, [TypeSet.Timestamp], FunctionSymbol.Returns(SodaType.FloatingTimestamp)),
        new("date_trunc_y", FunctionKind.DateTruncY, [TypeSet.Timestamp], FunctionSymbol.Returns(SodaType.FloatingTimestamp)),
    ];
}
