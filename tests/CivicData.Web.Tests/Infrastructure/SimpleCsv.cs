using System.Text;

namespace CivicData.Web.Tests.Infrastructure;

/// <summary>
/// A deliberately independent RFC 4180 reader, so the tests compute expected values without the product's importer.
/// </summary>
public static class SimpleCsv
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        bool any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add([.. fields]);
                    fields.Clear();
                    any = false;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }

    /// <summary>Rows as dictionaries keyed by header name.</summary>
    public static List<Dictionary<string, string>> ReadFile(string path)
    {
        List<string[]> records = Parse(File.ReadAllText(path, Encoding.UTF8));
        string[] header = records[0];
        return [.. records.Skip(1).Select(record => header.Select((name, i) => (name, value: i < record.Length ? record[i] : "")).ToDictionary(p => p.name, p => p.value))];
    }
}
