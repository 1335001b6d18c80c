namespace CivicData.Soql.Rendering.Sql;

/// <summary>Fixed SQL text: keywords, operators, punctuation. Built only from constants in the renderer and dialects.</summary>
public sealed class SqlKeyword : ISqlFragment
{
    internal SqlKeyword(string text)
    {
        Text = text;
    }

    public string Text { get; }

    public void WriteTo(SqlBuilder builder) => builder.AppendKeyword(Text);
}
