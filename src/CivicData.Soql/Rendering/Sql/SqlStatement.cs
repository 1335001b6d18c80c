using System.Collections.Immutable;

namespace CivicData.Soql.Rendering.Sql;

/// <summary>The only form in which SQL leaves the compiler: text with positional placeholders plus the values.</summary>
public sealed record SqlStatement(string Text, ImmutableArray<SqlParameterValue> Parameters);
