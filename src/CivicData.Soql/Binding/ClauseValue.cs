using CivicData.Soql.Text;

namespace CivicData.Soql.Binding;

/// <summary>A clause value that is not an expression ($q, $limit, $offset), with where it was written.</summary>
public sealed record ClauseValue(string Text, TextLocation? Location);
