using CivicData.Core.Schema;

namespace CivicData.Soql.Functions;

/// <summary>Text functions (soda.md §6.8 Text).</summary>
internal static class TextFunctions
{
    public static IEnumerable<FunctionSymbol> Functions { get; } =
    [
        new("upper", FunctionKind.Upper, [TypeSet.Text], FunctionSymbol.Returns(SodaType.Text)),
        new("lower", FunctionKind.Lower, [TypeSet.Text], FunctionSymbol.Returns(SodaType.Text)),
    ];
}
