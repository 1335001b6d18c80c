using System.Text;

namespace CivicData.Testing;

/// <summary>A small RFC 4180 reader written for the tests, so expected values do not come from the code under test.</summary>
internal static class TestCsv
{
    public static List<Dictionary<string, string>> Read(string path) => ParseRows(File.ReadAllText(path, Encoding.UTF8));

    /// <summary>Rows of CSV text as header-keyed dictionaries.</summary>
    public static List<Dictionary<string, string>> ParseRows(string text)
    {
        List<List<string>> records = Parse(text.TrimStart('\uFEFF'));
        List<string> header = records[0];
        return records.Skip(1).Select(r => header.Select((h, i) => (h, v: i < r.Count ? r[i] : "")).ToDictionary(p => p.h, p => p.v)).ToList();
    }

    /// <summary>Every record of CSV text, the header included.</summary>
    public static List<string[]> Records(string text) => [.. Parse(text.TrimStart('\uFEFF')).Select(record => record.ToArray())];

    private static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
