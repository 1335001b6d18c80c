using CivicData.Core.Schema;

namespace CivicData.Soql.Functions;

/// <summary>count, sum, avg, min, max (soda.md §6.8 Aggregates).</summary>
internal static class Aggregates
{
    public static IEnumerable<FunctionSymbol> Functions { get; } =
    [
        new("count", FunctionKind.Count, [], FunctionSymbol.Returns(SodaType.Number), isAggregate: true, allowsStar: true),
        new("count", FunctionKind.Count, [TypeSet.Any], FunctionSymbol.Returns(SodaType.Number), isAggregate: true, allowsDistinct: true),
        new("sum", FunctionKind.Sum, [TypeSet.Numeric], FunctionSymbol.SameAsFirst, isAggregate: true, allowsDistinct: true),
        new("avg", FunctionKind.Avg, [TypeSet.Numeric], FunctionSymbol.SameAsFirst, isAggregate: true, allowsDistinct: true),
        new("min", FunctionKind.Min, [TypeSet.Orderable], FunctionSymbol.SameAsFirst, isAggregate: true),
        new("max", FunctionKind.Max, [TypeSet.Orderable], FunctionSymbol.SameAsFirst, isAggregate: true),
    ];
}
