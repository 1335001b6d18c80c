namespace CivicData.Soql.Functions;

/// <summary>What a function does; the renderer and the dialects turn each kind into SQL.</summary>
public enum FunctionKind
{
    // Aggregates
    Count,
    Sum,
    Avg,
    Min,
    Max,
    StddevPop,
    StddevSamp,
    Median,
    MedianDiscrete,
    RegrSlope,
    RegrIntercept,
    RegrR2,

    // Text
    Upper,
    Lower,
    StartsWith,
    Contains,
    CaselessEq,
    CaselessNe,
    CaselessStartsWith,
    CaselessContains,
    CaselessOneOf,
    CaselessNotOneOf,
    Length,
    Substring,
    SplitPart,
    Replace,
    Trim,
    TrimLeading,
    TrimTrailing,
    LeftPad,
    RightPad,
    Chr,
    Unaccent,

    // Numbers
    Abs,
    Ceil,
    Floor,
    Round,
    Ln,
    SignedMagnitude10,
    SignedMagnitudeLinear,
    WidthBucket,
    Greatest,
    Least,

    // Conditionals
    Coalesce,
    NullIf,

    // Dates
    DateTruncYmd,
    DateTruncYm,
    DateTruncY,
    DateExtractY,
    DateExtractM,
    DateExtractD,
    DateExtractHh,
    DateExtractMm,
    DateExtractSs,
    DateExtractDow,
    DateExtractWoy,
    DateExtractIsoY,
    DateDiffD,
    ToFloatingTimestamp,
    GetUtcDate,
    EpochSeconds,

    // Field access (expr.field)
    PointLatitude,
    PointLongitude,
    UrlUrl,
    UrlDescription,

    // Geospatial
    WithinCircle,
    WithinBox,
    DistanceInMeters,
    WithinPolygon,
    Intersects,
    NumPoints,
    Simplify,
    SimplifyPreserveTopology,
    MakePoint,

    // Geospatial aggregates
    ConvexHull,
    Extent,
}
