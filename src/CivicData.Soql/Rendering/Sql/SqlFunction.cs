using System.Collections.Immutable;

namespace CivicData.Soql.Rendering.Sql;

/// <summary><c>name(arg, ...)</c>; the name is a constant chosen by the renderer or a dialect, never user text.</summary>
public sealed class SqlFunction : ISqlFragment
{
    internal SqlFunction(string name, ImmutableArray<ISqlFragment> arguments, bool isDistinct = false)
    {
        Name = name;
        Arguments = arguments;
        IsDistinct = isDistinct;
    }

    public string Name { get; }

    public ImmutableArray<ISqlFragment> Arguments { get; }

    public bool IsDistinct { get; }

    public void WriteTo(SqlBuilder builder)
    {
        builder.AppendKeyword(Name);
        builder.AppendKeyword("(");
        if (IsDistinct)
        {
            builder.AppendKeyword("DISTINCT ");
        }

        for (int i = 0; i < Arguments.Length; i++)
        {
            if (i > 0)
            {
                builder.AppendKeyword(", ");
            }

            Arguments[i].WriteTo(builder);
        }

        builder.AppendKeyword(")");
    }
}
