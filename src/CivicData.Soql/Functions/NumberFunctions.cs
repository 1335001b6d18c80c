using CivicData.Core.Schema;

namespace CivicData.Soql.Functions;

/// <summary>Numeric functions (soda.md §6.8 Numeric).</summary>
internal static class NumberFunctions
{
    public static IEnumerable<FunctionSymbol> Functions { get; } =
    [
        new("abs", FunctionKind.Abs, [TypeSet.Numeric], FunctionSymbol.SameAsFirst),
        new("ceil", FunctionKind.Ceil, [TypeSet.Numeric], FunctionSymbol.SameAsFirst),
        new("floor", FunctionKind.Floor, [TypeSet.Numeric], FunctionSymbol.SameAsFirst),
        new("round", FunctionKind.Round, [TypeSet.Numeric], FunctionSymbol.SameAsFirst),
        new("round", FunctionKind.Round, [TypeSet.Numeric, TypeSet.Numeric], FunctionSymbol.SameAsFirst),
        new("ln", FunctionKind.Ln, [TypeSet.Numeric], FunctionSymbol.SameAsFirst),
        new("signed_magnitude_10", FunctionKind.SignedMagnitude10, [TypeSet.Numeric], FunctionSymbol.Returns(SodaType.Number)),
        new("signed_magnitude_linear", FunctionKind.SignedMagnitudeLinear, [TypeSet.Numeric, TypeSet.Numeric], FunctionSymbol.Returns(SodaType.Number)),
        new("width_bucket", FunctionKind.WidthBucket,
            [TypeSet.Numeric, TypeSet.Numeric, TypeSet.Numeric, TypeSet.Numeric], FunctionSymbol.Returns(SodaType.Number)),
        new("greatest", FunctionKind.Greatest, [TypeSet.Orderable], FunctionSymbol.SameAsFirst, isVariadic: true, argumentsShareType: true),
        new("least", FunctionKind.Least, [TypeSet.Orderable], FunctionSymbol.SameAsFirst, isVariadic: true, argumentsShareType: true),
    ];
}
