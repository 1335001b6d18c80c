using CivicData.Core.Schema;

namespace CivicData.Soql.Functions;

/// <summary>Date/time functions (soda.md §6.8 Date/time).</summary>
internal static class DateFunctions
{
    private static readonly Func<System.Collections.Immutable.ImmutableArray<SodaType>, SodaType> s_floating = FunctionSymbol.Returns(SodaType.FloatingTimestamp);
    private static readonly Func<System.Collections.Immutable.ImmutableArray<SodaType>, SodaType> s_fixed = FunctionSymbol.Returns(SodaType.FixedTimestamp);
    private static readonly Func<System.Collections.Immutable.ImmutableArray<SodaType>, SodaType> s_number = FunctionSymbol.Returns(SodaType.Number);

    /// <summary><c>date_add(ts, 'P1D')</c>: bound to an interval addition, with the period read at compile time.</summary>
    public const string DateAdd = "date_add";

    public static IEnumerable<FunctionSymbol> Functions { get; } =
    [
        new("date_trunc_ymd", FunctionKind.DateTruncYmd, [TypeSet.Timestamp], s_floating),
        new("date_trunc_ym", FunctionKind.DateTruncYm, [TypeSet.Timestamp], s_floating),
        new("date_trunc_y", FunctionKind.DateTruncY, [TypeSet.Timestamp], s_floating),

        // With a zone: the instant is first turned into local time there (to_floating_timestamp), then truncated.
        new("date_trunc_ymd", FunctionKind.DateTruncYmd, [TypeSet.FixedTimestamp, TypeSet.Text], s_floating),
        new("date_trunc_ym", FunctionKind.DateTruncYm, [TypeSet.FixedTimestamp, TypeSet.Text], s_floating),
        new("date_trunc_y", FunctionKind.DateTruncY, [TypeSet.FixedTimestamp, TypeSet.Text], s_floating),
        new("datez_trunc_ymd", FunctionKind.DateTruncYmd, [TypeSet.FixedTimestamp], s_fixed),
        new("datez_trunc_ym", FunctionKind.DateTruncYm, [TypeSet.FixedTimestamp], s_fixed),
        new("datez_trunc_y", FunctionKind.DateTruncY, [TypeSet.FixedTimestamp], s_fixed),

        new("date_extract_y", FunctionKind.DateExtractY, [TypeSet.Timestamp], s_number),
        new("date_extract_m", FunctionKind.DateExtractM, [TypeSet.Timestamp], s_number),
        new("date_extract_d", FunctionKind.DateExtractD, [TypeSet.Timestamp], s_number),
        new("date_extract_hh", FunctionKind.DateExtractHh, [TypeSet.Timestamp], s_number),
        new("date_extract_mm", FunctionKind.DateExtractMm, [TypeSet.Timestamp], s_number),
        new("date_extract_ss", FunctionKind.DateExtractSs, [TypeSet.Timestamp], s_number),
        new("date_extract_dow", FunctionKind.DateExtractDow, [TypeSet.Timestamp], s_number),
        new("date_extract_woy", FunctionKind.DateExtractWoy, [TypeSet.Timestamp], s_number),
        new("date_extract_iso_y", FunctionKind.DateExtractIsoY, [TypeSet.Timestamp], s_number),

        new("date_diff_d", FunctionKind.DateDiffD, [TypeSet.FloatingTimestamp, TypeSet.FloatingTimestamp], s_number),
        new("date_diff_d", FunctionKind.DateDiffD, [TypeSet.FixedTimestamp, TypeSet.FixedTimestamp], s_number),
        new("to_floating_timestamp", FunctionKind.ToFloatingTimestamp, [TypeSet.FixedTimestamp, TypeSet.Text], s_floating),
        new("get_utc_date", FunctionKind.GetUtcDate, [], s_fixed),
        new("epoch_seconds", FunctionKind.EpochSeconds, [TypeSet.FixedTimestamp], s_number),
        new("epoch_seconds", FunctionKind.EpochSeconds, [TypeSet.FloatingTimestamp], s_number),
    ];
}
