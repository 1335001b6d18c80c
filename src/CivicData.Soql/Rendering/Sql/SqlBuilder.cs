using System.Text;
using CivicData.Soql.Rendering.Dialects;

namespace CivicData.Soql.Rendering.Sql;

/// <summary>
/// Owns the command text and the parameter list. Fragments write into it; the dialect decides quoting and
/// placeholder syntax. <see cref="Build"/> is the only source of SQL text.
/// </summary>
public sealed class SqlBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<SqlParameterValue> _parameters = [];
    private readonly Dictionary<SqlParameter, int> _ordinals = new(ReferenceEqualityComparer.Instance);

    internal SqlBuilder(ISqlDialect dialect)
    {
        Dialect = dialect;
    }

    public ISqlDialect Dialect { get; }

    internal void AppendKeyword(string text) => _text.Append(text);

    internal void AppendIdentifier(string name) => _text.Append(Dialect.QuoteIdentifier(name));

    internal void AppendParameter(SqlParameter parameter)
    {
        if (!_ordinals.TryGetValue(parameter, out int ordinal))
        {
            _parameters.Add(new SqlParameterValue(parameter.Value, parameter.Type));
            ordinal = _parameters.Count;
            _ordinals.Add(parameter, ordinal);
        }

        _text.Append(Dialect.ParameterPlaceholder(ordinal));
    }

    public SqlStatement Build() => new(_text.ToString(), [.. _parameters]);

    internal static SqlStatement Build(ISqlDialect dialect, ISqlFragment fragment)
    {
        var builder = new SqlBuilder(dialect);
        fragment.WriteTo(builder);
        return builder.Build();
    }
}
