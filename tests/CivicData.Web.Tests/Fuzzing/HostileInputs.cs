using System.Globalization;
using System.Text;

namespace CivicData.Web.Tests.Fuzzing;

/// <summary>
/// The hostile-input corpus shared with the SoQL fuzz tests: tests/CivicData.Soql.Tests/Fuzzing/hostile-inputs.txt,
/// read from the source tree (same escapes: \\ \n \r \t \0 \uXXXX \U{XXXXX}, and \*N:c for N copies of c).
/// </summary>
public static class HostileInputs
{
    private static readonly Lazy<IReadOnlyList<string>> s_all = new(Load);

    public static IReadOnlyList<string> All => s_all.Value;

    private static List<string> Load()
    {
        string? root = null;
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CivicData.sln")))
            {
                root = directory.FullName;
                break;
            }
        }

        string path = Path.Combine(
            root ?? throw new InvalidOperationException("Cannot find CivicData.sln above " + AppContext.BaseDirectory),
            "tests", "CivicData.Soql.Tests", "Fuzzing", "hostile-inputs.txt");
        return [.. File.ReadAllLines(path, Encoding.UTF8).Where(line => line.Length > 0 && !line.StartsWith('#')).Select(Unescape)];
    }

    private static string Unescape(string line)
    {
        var text = new StringBuilder();
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] != '\\' || i + 1 == line.Length)
            {
                text.Append(line[i]);
                continue;
            }

            char next = line[++i];
            switch (next)
            {
                case '\\': text.Append('\\'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case '0': text.Append('\0'); break;
                case 'u':
                    text.Append((char)int.Parse(line.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                case 'U':
                    int close = line.IndexOf('}', i);
                    text.Append(char.ConvertFromUtf32(int.Parse(line.AsSpan(i + 2, close - i - 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                    i = close;
                    break;
                case '*':
                    int colon = line.IndexOf(':', i);
                    text.Append(line[colon + 1], int.Parse(line.AsSpan(i + 1, colon - i - 1), CultureInfo.InvariantCulture));
                    i = colon + 1;
                    break;
                default:
                    text.Append('\\').Append(next);
                    break;
            }
        }

        return text.ToString();
    }
}
