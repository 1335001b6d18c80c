using CivicData.Core.Schema;

namespace CivicData.Soql.Functions;

/// <summary>Text functions (soda.md §6.8 Text).</summary>
internal static class TextFunctions
{
    private static readonly Func<System.Collections.Immutable.ImmutableArray<SodaType>, SodaType> s_text = FunctionSymbol.Returns(SodaType.Text);
    private static readonly Func<System.Collections.Immutable.ImmutableArray<SodaType>, SodaType> s_checkbox = FunctionSymbol.Returns(SodaType.Checkbox);

    public static IEnumerable<FunctionSymbol> Functions { get; } =
    [
        new("upper", FunctionKind.Upper, [TypeSet.Text], s_text),
        new("lower", FunctionKind.Lower, [TypeSet.Text], s_text),
        new("starts_with", FunctionKind.StartsWith, [TypeSet.Text, TypeSet.Text], s_checkbox),
        new("contains", FunctionKind.Contains, [TypeSet.Text, TypeSet.Text], s_checkbox),
        new("caseless_eq", FunctionKind.CaselessEq, [TypeSet.Text, TypeSet.Text], s_checkbox),
        new("caseless_ne", FunctionKind.CaselessNe, [TypeSet.Text, TypeSet.Text], s_checkbox),
        new("caseless_starts_with", FunctionKind.CaselessStartsWith, [TypeSet.Text, TypeSet.Text], s_checkbox),
        new("caseless_contains", FunctionKind.CaselessContains, [TypeSet.Text, TypeSet.Text], s_checkbox),
        new("caseless_one_of", FunctionKind.CaselessOneOf, [TypeSet.Text, TypeSet.Text], s_checkbox, isVariadic: true),
        new("caseless_not_one_of", FunctionKind.CaselessNotOneOf, [TypeSet.Text, TypeSet.Text], s_checkbox, isVariadic: true),
        new("length", FunctionKind.Length, [TypeSet.Text], FunctionSymbol.Returns(SodaType.Number)),
        new("substring", FunctionKind.Substring, [TypeSet.Text, TypeSet.Numeric], s_text),
        new("substring", FunctionKind.Substring, [TypeSet.Text, TypeSet.Numeric, TypeSet.Numeric], s_text),
        new("split_part", FunctionKind.SplitPart, [TypeSet.Text, TypeSet.Text, TypeSet.Numeric], s_text),
        new("replace", FunctionKind.Replace, [TypeSet.Text, TypeSet.Text, TypeSet.Text], s_text),
        new("trim", FunctionKind.Trim, [TypeSet.Text], s_text),
        new("trim_leading", FunctionKind.TrimLeading, [TypeSet.Text], s_text),
        new("trim_trailing", FunctionKind.TrimTrailing, [TypeSet.Text], s_text),
        new("left_pad", FunctionKind.LeftPad, [TypeSet.Text, TypeSet.Numeric, TypeSet.Text], s_text),
        new("right_pad", FunctionKind.RightPad, [TypeSet.Text, TypeSet.Numeric, TypeSet.Text], s_text),
        new("chr", FunctionKind.Chr, [TypeSet.Numeric], s_text),
        new("unaccent", FunctionKind.Unaccent, [TypeSet.Text], s_text),
    ];
}
