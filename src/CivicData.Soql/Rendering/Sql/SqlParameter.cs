using CivicData.Core.Schema;

namespace CivicData.Soql.Rendering.Sql;

/// <summary>A user value. Written as a placeholder; the same instance written twice reuses one placeholder.</summary>
public sealed class SqlParameter : ISqlFragment
{
    public SqlParameter(object? value, SodaType type)
    {
        Value = value;
        Type = type;
    }

    public object? Value { get; }

    public SodaType Type { get; }

    public void WriteTo(SqlBuilder builder) => builder.AppendParameter(this);
}
