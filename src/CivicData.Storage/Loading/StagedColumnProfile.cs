namespace CivicData.Storage.Loading;

/// <summary>
/// How many non-empty values of one staged column would convert to each candidate SODA type. Type inference
/// picks the first candidate that every value converts to. A count of -1 means the candidate was ruled out early
/// (some value in the first rows does not convert), so its exact count was never taken. When every candidate was ruled
/// out, <see cref="NonEmpty"/> counts values that are not empty before trimming (only text is left, so it does not matter).
/// </summary>
public sealed record StagedColumnProfile(
    int Index,
    long NonEmpty,
    long Checkbox,
    long Number,
    long Timestamp,
    long WktPoint,
    long Url,
    long GeoJson,
    double? Min,
    double? Max)
{
    /// <summary>The candidate counts in check order: checkbox, number, timestamp, WKT point, URL, GeoJSON.</summary>
    public long[] CandidateCounts => [Checkbox, Number, Timestamp, WktPoint, Url, GeoJson];
}
