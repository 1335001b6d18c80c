using System.Collections.Immutable;

namespace CivicData.Soql.Rendering.Sql;

/// <summary>Short factories for fragments, for the renderer and dialects.</summary>
internal static class Sql
{
    public static SqlKeyword Keyword(string text) => new(text);

    /// <summary>Items separated by single spaces.</summary>
    public static SqlList Sequence(params ISqlFragment[] items) => new(" ", [.. items]);

    public static SqlList Join(string separator, IEnumerable<ISqlFragment> items) => new(separator, [.. items]);

    public static SqlGroup Group(ISqlFragment inner) => new(inner);

    public static SqlGroup Group(params ISqlFragment[] items) => new(Sequence(items));

    public static SqlFunction Function(string name, params ISqlFragment[] arguments) => new(name, [.. arguments]);

    public static SqlFunction Function(string name, bool isDistinct, ImmutableArray<ISqlFragment> arguments) => new(name, arguments, isDistinct);
}
