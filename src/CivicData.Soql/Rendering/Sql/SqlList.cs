using System.Collections.Immutable;

namespace CivicData.Soql.Rendering.Sql;

/// <summary>Fragments written one after another with a fixed separator (", ", " AND ", " ").</summary>
public sealed class SqlList : ISqlFragment
{
    internal SqlList(string separator, ImmutableArray<ISqlFragment> items)
    {
        Separator = separator;
        Items = items;
    }

    public string Separator { get; }

    public ImmutableArray<ISqlFragment> Items { get; }

    public void WriteTo(SqlBuilder builder)
    {
        for (int i = 0; i < Items.Length; i++)
        {
            if (i > 0)
            {
                builder.AppendKeyword(Separator);
            }

            Items[i].WriteTo(builder);
        }
    }
}
