using CivicData.Core.Schema;

namespace CivicData.Storage.Loading;

/// <summary>Where a target column's values come from in the staging table.</summary>
public abstract record ColumnSource
{
    private ColumnSource()
    {
    }

    /// <summary>Staged column <paramref name="Index"/> converted to the target type (text, number, timestamp, WKT or GeoJSON point, geometry).</summary>
    public sealed record Staged(int Index) : ColumnSource;

    /// <summary>A point built from two staged number columns.</summary>
    public sealed record LatitudeLongitude(int LatitudeIndex, int LongitudeIndex) : ColumnSource;

    /// <summary>No value in the staged file (a column the dataset has but the appended file lacks).</summary>
    public sealed record Missing : ColumnSource;
}

/// <summary>A column of the version being built, with its source.</summary>
public sealed record TargetColumn(ColumnSchema Column, ColumnSource Source)
{
    /// <summary>
    /// The profile already counted every staged value of this column as converting to its type (type inference chose
    /// it because they all do), so the build need not search the column for values that fail.
    /// </summary>
    public bool KnownToConvert { get; init; }
}
