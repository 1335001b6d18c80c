namespace CivicData.Soql.Functions;

/// <summary>
/// Conditionals (soda.md §6.8 Conditional). <c>case(...)</c> and <c>iif(...)</c> are bound to the same node as
/// <c>CASE WHEN</c>, so they are not listed here but in <see cref="CaseFunctionNames"/>.
/// </summary>
internal static class ConditionalFunctions
{
    public static IEnumerable<FunctionSymbol> Functions { get; } =
    [
        new("coalesce", FunctionKind.Coalesce, [TypeSet.Any], FunctionSymbol.SameAsFirst, isVariadic: true, argumentsShareType: true),
        new("nullif", FunctionKind.NullIf, [TypeSet.Any, TypeSet.Any], FunctionSymbol.SameAsFirst, argumentsShareType: true),
    ];

    /// <summary><c>case(c1, v1, ...)</c> and <c>iif(c, a, b)</c>.</summary>
    public static readonly string[] CaseFunctionNames = ["case", "iif"];
}
