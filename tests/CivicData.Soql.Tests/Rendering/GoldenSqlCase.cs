using System.Text;

namespace CivicData.Soql.Tests.Rendering;

/// <summary>One golden-filed query; its file name is the name in lower case with dashes.</summary>
public sealed record GoldenSqlCase(string Name, SoqlRequest Request)
{
    public string FileName
    {
        get
        {
            var name = new StringBuilder();
            foreach (char c in Name.ToLowerInvariant())
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    name.Append(c);
                }
                else if (name.Length > 0 && name[^1] != '-')
                {
                    name.Append('-');
                }
            }

            return name.ToString().TrimEnd('-') + ".sql";
        }
    }
}
