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
    bool allowsDistinct = false,
    bool isVariadic = false,
    bool argumentsShareType = false)
{
    public string Name { get; } = name;

    public FunctionKind Kind { get; } = kind;

    public ImmutableArray<TypeSet> Parameters { get; } = parameters;

    public bool IsAggregate { get; } = isAggregate;

    /// <summary><c>count(*)</c>: the star stands in for the parameter list.</summary>
    public bool AllowsStar { get; } = allowsStar;

    public bool AllowsDistinct { get; } = allowsDistinct;

    /// <summary>The last parameter may repeat: the function takes <see cref="Parameters"/>.Length or more arguments.</summary>
    public bool IsVariadic { get; } = isVariadic;

    /// <summary>
    /// Every argument must have one type (coalesce, nullif, greatest, least): a text or null literal takes the type of the
    /// first argument that has one.
    /// </summary>
    public bool ArgumentsShareType { get; } = argumentsShareType;

    public bool AcceptsArity(int arity) => IsVariadic ? arity >= Parameters.Length : arity == Parameters.Length;

    /// <summary>The parameter that argument <paramref name="index"/> binds to.</summary>
    public TypeSet GetParameter(int index) => Parameters[Math.Min(index, Parameters.Length - 1)];

    public SodaType GetResultType(ImmutableArray<SodaType> argumentTypes) => resultType(argumentTypes);

    internal static Func<ImmutableArray<SodaType>, SodaType> Returns(SodaType type) => _ => type;

    internal static SodaType SameAsFirst(ImmutableArray<SodaType> types) => types.IsEmpty ? SodaType.Number : types[0];
}
