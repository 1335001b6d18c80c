namespace CivicData.Soql.Rendering.Sql;

/// <summary>A fragment in parentheses, so that operator precedence never depends on the engine.</summary>
public sealed class SqlGroup : ISqlFragment
{
    internal SqlGroup(ISqlFragment inner)
    {
        Inner = inner;
    }

    public ISqlFragment Inner { get; }

    public void WriteTo(SqlBuilder builder)
    {
        builder.AppendKeyword("(");
        Inner.WriteTo(builder);
        builder.AppendKeyword(")");
    }
}
