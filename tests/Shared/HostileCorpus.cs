using System.Globalization;
using System.Text;

namespace CivicData.Testing;

/// <summary>
/// The checked-in corpus of hostile inputs (<c>tests/Shared/hostile-inputs.txt</c>, read from the source tree), sent
/// through every query parameter by the SoQL fuzz tests and over HTTP by the web fuzz tests.
/// </summary>
internal static class HostileCorpus
{
    private static readonly Lazy<IReadOnlyList<string>> s_inputs = new(Load);

    public static IReadOnlyList<string> Inputs => s_inputs.Value;

    public static string PathInRepository { get; } = Path.Combine("tests", "Shared", "hostile-inputs.txt");

    private static List<string> Load()
    {
        string path = Path.Combine(RepositoryRoot(), PathInRepository);
        return [.. File.ReadAllLines(path, Encoding.UTF8).Where(line => line.Length > 0 && !line.StartsWith('#')).Select(Unescape)];
    }

    public static string Unescape(string line)
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
                    int count = int.Parse(line.AsSpan(i + 1, colon - i - 1), CultureInfo.InvariantCulture);
                    text.Append(line[colon + 1], count);
                    i = colon + 1;
                    break;
                default:
                    text.Append('\\').Append(next);
                    break;
            }
        }

        return text.ToString();
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CivicData.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (CivicData.sln) above " + AppContext.BaseDirectory);
    }
}
