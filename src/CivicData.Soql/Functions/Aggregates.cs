using CivicData.Core.Schema;

namespace CivicData.Soql.Functions;

/// <summary>Aggregate functions (soda.md §6.8 Aggregates).</summary>
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
        new("stddev_pop", FunctionKind.StddevPop, [TypeSet.Numeric], FunctionSymbol.SameAsFirst, isAggregate: true),
        new("stddev_samp", FunctionKind.StddevSamp, [TypeSet.Numeric], FunctionSymbol.SameAsFirst, isAggregate: true),
        new("median", FunctionKind.Median, [TypeSet.Numeric], FunctionSymbol.SameAsFirst, isAggregate: true),
        new("median", FunctionKind.MedianDiscrete, [TypeSet.DiscreteOrderable], FunctionSymbol.SameAsFirst, isAggregate: true),
        new("regr_slope", FunctionKind.RegrSlope, [TypeSet.Numeric, TypeSet.Numeric], FunctionSymbol.Returns(SodaType.Number), isAggregate: true),
        new("regr_intercept", FunctionKind.RegrIntercept, [TypeSet.Numeric, TypeSet.Numeric], FunctionSymbol.Returns(SodaType.Number), isAggregate: true),
        new("regr_r2", FunctionKind.RegrR2, [TypeSet.Numeric, TypeSet.Numeric], FunctionSymbol.Returns(SodaType.Number), isAggregate: true),
    ];

    /// <summary><c>count_distinct(x)</c>: the binder turns it into <c>count(DISTINCT x)</c>.</summary>
    public const string CountDistinct = "count_distinct";
}
