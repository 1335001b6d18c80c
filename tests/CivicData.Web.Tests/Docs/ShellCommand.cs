using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CivicData.Web.Tests.Docs;

/// <summary>A command of a documentation example and the output the document shows for it, if any.</summary>
public sealed class ShellCommand(string text)
{
    public string Text { get; } = text;

    /// <summary>The output the document shows for the command (the comment lines after it, joined), or null.</summary>
    public string? ExpectedOutput { get; set; }

    /// <summary>
    /// The HTTP error status the document shows the command answering with (<c># 400 {"code": …}</c>), or null when
    /// it should succeed.
    /// </summary>
    public int? ExpectedErrorStatus =>
        ExpectedOutput is { Length: > 4 } output && output[3] == ' ' && int.TryParse(output[..3], out int status) && status >= 400 ? status : null;

    /// <summary>Whether the output is what the document shows: "…" stands for any text, and JSON compares as JSON.</summary>
    public bool Matches(string actual)
    {
        string expected = (ExpectedOutput ?? throw new InvalidOperationException("No output is shown for " + Text)).Trim();
        // The document may wrap a long line: compare without line breaks and indentation.
        actual = string.Concat(actual.Trim().Split('\n').Select(line => line.Trim()));
        if (expected.Contains('…', StringComparison.Ordinal))
        {
            string pattern = "^" + string.Join(".*?", expected.Split('…').Select(Regex.Escape)) + "$";
            return Regex.IsMatch(actual, pattern, RegexOptions.Singleline, TimeSpan.FromSeconds(5));
        }

        return TryParseJson(expected) is { } expectedJson && TryParseJson(actual) is { } actualJson
            ? JsonNode.DeepEquals(expectedJson, actualJson)
            : string.Equals(expected, actual, StringComparison.Ordinal);
    }

    private static JsonNode? TryParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
