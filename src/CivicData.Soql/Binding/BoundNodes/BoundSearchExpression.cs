using System.Collections.Immutable;
using CivicData.Core.Schema;
using CivicData.Soql.Text;

namespace CivicData.Soql.Binding.BoundNodes;

/// <summary>
/// Full-text search (<c>$q</c> / SEARCH): every term must occur in at least one of the columns. Terms are already
/// lower-cased; each dialect decides how to match (substring of lower(text) on DuckDB).
/// </summary>
public sealed class BoundSearchExpression(ImmutableArray<string> terms, ImmutableArray<ColumnSymbol> columns, TextLocation? location)
    : BoundExpression(SodaType.Checkbox, location)
{
    public override BoundNodeKind Kind => BoundNodeKind.Search;

    public ImmutableArray<string> Terms { get; } = terms;

    public ImmutableArray<ColumnSymbol> Columns { get; } = columns;
}
