using System.Collections.Immutable;
using CivicData.Core.Schema;

namespace CivicData.Soql.Functions;

/// <summary>One overload of a SoQL function, as listed in the <see cref="FunctionCatalog"/>.</summary>
public sealed class FunctionSymbol(
    string name,
    FunctionKind kind,
    ImmutableArray<TypeSet> parameters,
    Func<ImmutableArray<SodaType>, SodaType> resultType,
    bool isAggregate = false,
    bool allowsStar = false,
    bool allowsDistinct = false)
{
    public string Name { get; } = name;

    public FunctionKind Kind { get; } = kind;

    public ImmutableArray<TypeSet> Parameters { get; } = parameters;

    public bool IsAggregate { get; } = isAggregate;

    /// <summary><c>count(*)</c>: the star stands in for the parameter list.</summary>
    public bool AllowsStar { get; } = allowsStar;

    public bool AllowsDistinct { get; } = allowsDistinct;

    public SodaType GetResultType(ImmutableArray<SodaType> argumentTypes) => resultType(argumentTypes);

    internal static Func<ImmutableArray<SodaType>, SodaType> Returns(SodaType type) => _ => type;

    internal static SodaType SameAsFirst(ImmutableArray<SodaType> types) => types.IsEmpty ? SodaType.Number : types[0];
}
