namespace CivicData.Storage.Loading;

/// <summary>
/// How many non-empty values of one staged column would convert to each candidate SODA type. Type inference
/// picks the first candidate that every value converts to.
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
    double? Max);
