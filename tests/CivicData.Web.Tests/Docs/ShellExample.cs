using System.Text;

namespace CivicData.Web.Tests.Docs;

/// <summary>
/// One ```sh block of a Markdown document whose first command is curl: its commands (continuation lines joined), each
/// with the output the document shows in the <c># …</c> comment lines right after it, if any.
/// </summary>
public sealed class ShellExample(int line, IReadOnlyList<ShellCommand> commands, string? skipReason)
{
    /// <summary>The marker, on the line before a block's fence, that keeps the block from being run.</summary>
    public const string NotRunMarker = "<!-- not-run:";

    /// <summary>Line of the opening fence, 1-based.</summary>
    public int Line { get; } = line;

    public IReadOnlyList<ShellCommand> Commands { get; } = commands;

    /// <summary>Why the document says not to run this block, or null to run it.</summary>
    public string? SkipReason { get; } = skipReason;

    public static IReadOnlyList<ShellExample> Parse(string markdown)
    {
        string[] lines = markdown.ReplaceLineEndings("\n").Split('\n');
        List<ShellExample> examples = [];
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() != "```sh")
            {
                continue;
            }

            int fence = i;
            List<string> body = [];
            for (i++; i < lines.Length && lines[i].TrimEnd() != "```"; i++)
            {
                body.Add(lines[i]);
            }

            if (body.FirstOrDefault(text => text.Trim().Length > 0)?.TrimStart().StartsWith("curl", StringComparison.Ordinal) != true)
            {
                continue;
            }

            string previous = lines.Take(fence).LastOrDefault(text => text.Trim().Length > 0)?.Trim() ?? "";
            string? skip = previous.StartsWith(NotRunMarker, StringComparison.Ordinal)
                ? previous[NotRunMarker.Length..].Replace("-->", "", StringComparison.Ordinal).Trim()
                : null;
            examples.Add(new ShellExample(fence + 1, ReadCommands(body), skip));
        }

        return examples;
    }

    private static List<ShellCommand> ReadCommands(List<string> body)
    {
        List<ShellCommand> commands = [];
        StringBuilder? pending = null;
        bool afterCommand = false;
        foreach (string line in body)
        {
            string trimmed = line.Trim();
            if (pending is null && afterCommand && trimmed.StartsWith('#'))
            {
                // Comment lines right after a command are the output the document promises for it (a long line
                // may wrap); one in parentheses is prose and ends it.
                string text = trimmed[1..].Trim();
                if (text.StartsWith('('))
                {
                    afterCommand = false;
                    continue;
                }

                commands[^1].ExpectedOutput += text;
                continue;
            }

            afterCommand = false;
            if (pending is null && (trimmed.Length == 0 || trimmed.StartsWith('#')))
            {
                continue;
            }

            pending ??= new StringBuilder();
            bool continues = trimmed.EndsWith('\\');
            pending.Append(continues ? trimmed[..^1] + " " : trimmed);
            if (!continues)
            {
                commands.Add(new ShellCommand(pending.ToString().Trim()));
                pending = null;
                afterCommand = true;
            }
        }

        return commands;
    }

    public override string ToString() => $"line {Line}";
}
