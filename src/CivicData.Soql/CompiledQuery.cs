using System.Collections.Immutable;
using CivicData.Soql.Rendering.Sql;

namespace CivicData.Soql;

/// <summary>A checked, rendered SoQL query: SQL plus parameters, the shape of its result, and a plain-English description.</summary>
public sealed record CompiledQuery(SqlStatement Statement, ImmutableArray<OutputColumn> Columns, string Description);
