using System.Collections.Immutable;

namespace CivicData.Storage.Loading;

/// <summary>Either a built table (possibly with skipped rows) or the rows that stopped it.</summary>
/// <param name="Built">False when bad rows stopped the build; nothing was created then.</param>
/// <param name="BadRows">The first 100 problems, in row order.</param>
/// <param name="BadRowCount">Rows with at least one problem, in all.</param>
public sealed record VersionBuildResult(bool Built, long RowCount, long SkippedRows, ImmutableArray<BadRow> BadRows, long BadRowCount)
{
    /// <summary>Rows created, updated and deleted: counted for <see cref="LoadMode.Changes"/> and <see cref="LoadMode.Replace"/>.</summary>
    public RowChangeCounts Counts { get; init; } = RowChangeCounts.None;
}

/// <summary>One value that could not be loaded: row number in the source, column, value and why.</summary>
public sealed record BadRow(long Row, string Column, string? Value, string Reason);
