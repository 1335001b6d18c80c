using System.Collections.Frozen;
using System.Collections.Immutable;
using CivicData.Soql.Binding;

namespace CivicData.Soql.Functions;

/// <summary>Every SoQL function the compiler knows, by name. Adding a function is one entry in a family file.</summary>
public sealed class FunctionCatalog
{
    private readonly FrozenDictionary<string, ImmutableArray<FunctionSymbol>> _byName;

    private FunctionCatalog(IEnumerable<FunctionSymbol> functions)
    {
        _byName = functions
            .GroupBy(function => function.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.ToImmutableArray(), StringComparer.Ordinal);
    }

    public static FunctionCatalog Default { get; } = new(
        Aggregates.Functions
            .Concat(TextFunctions.Functions)
            .Concat(NumberFunctions.Functions)
            .Concat(ConditionalFunctions.Functions)
            .Concat(DateFunctions.Functions)
            .Concat(GeoFunctions.Functions));

    public IEnumerable<string> Names => _byName.Keys;

    /// <summary>The overloads of a function name as written (case-insensitive, '-' ≡ '_'); empty if unknown.</summary>
    public ImmutableArray<FunctionSymbol> Lookup(string name) =>
        _byName.TryGetValue(ColumnScope.Normalize(name), out ImmutableArray<FunctionSymbol> overloads) ? overloads : [];
}
