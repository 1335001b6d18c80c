namespace CivicData.Soql.Functions;

/// <summary>What a function does; the renderer turns each kind into dialect SQL.</summary>
public enum FunctionKind
{
    Count,
    Sum,
    Avg,
    Min,
    Max,
    Upper,
    Lower,
    DateTruncYmd,
    DateTruncYm,
    DateTruncY,
    WithinCircle,
    WithinBox,
}
