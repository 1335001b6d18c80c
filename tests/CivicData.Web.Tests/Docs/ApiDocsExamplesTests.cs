using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CivicData.Web.Tests.Docs;

/// <summary>
/// Every ```sh block of docs/api.md that starts with curl runs with bash against a demo portal, as a reader would run
/// it (http://localhost:8080 pointed at the test server, $KEY_ID and $SECRET a publisher's key), and must succeed;
/// where the document shows a command's output in a <c># …</c> line right after it, the output must match.
/// </summary>
public sealed partial class ApiDocsExamplesTests(DemoPortalFixture portal) : IClassFixture<DemoPortalFixture>
{
    private const string DocumentedBase = "http://localhost:8080";
    private const string Separator = "@@civicdata-example ";

    public static TheoryData<int> RunnableExamples()
    {
        var data = new TheoryData<int>();
        foreach (ShellExample example in LoadExamples().Where(example => example.SkipReason is null))
        {
            data.Add(example.Line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RunnableExamples))]
    public async Task Example_runs_and_prints_what_the_docs_show(int line)
    {
        ShellExample example = LoadExamples().Single(example => example.Line == line);

        (int exitCode, string stdout, string stderr) = await RunAsync(example);

        string[] outputs = SeparatorPattern().Split(stdout);
        int ran = outputs.Length - 1;
        Assert.True(exitCode == 0, $"docs/api.md line {line}: `{example.Commands[Math.Max(ran - 1, 0)].Text}` failed ({exitCode}):\n{stderr}\n{outputs[^1]}");
        for (int i = 0; i < example.Commands.Count; i++)
        {
            ShellCommand command = example.Commands[i];
            if (command.ExpectedOutput is not null)
            {
                Assert.True(command.Matches(outputs[i + 1]), $"docs/api.md line {line}: `{command.Text}`\nshows:  {command.ExpectedOutput}\nprints: {outputs[i + 1].Trim()}");
            }
        }
    }

    [Fact]
    public void Docs_have_runnable_examples_and_every_skipped_one_says_why()
    {
        IReadOnlyList<ShellExample> examples = LoadExamples();

        Assert.True(examples.Count(example => example.SkipReason is null) >= 3, "docs/api.md has fewer than 3 runnable curl examples");
        Assert.All(examples, example => Assert.True(example.SkipReason is null || example.SkipReason.Length > 0, $"{example}: not-run without a reason"));
        Assert.All(examples, example => Assert.All(example.Commands, command =>
            Assert.DoesNotContain("127.0.0.1:5080", command.Text, StringComparison.Ordinal)));
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(ShellExample example)
    {
        string work = Directory.CreateTempSubdirectory("civicdata-docs-example-").FullName;
        try
        {
            var script = new StringBuilder();
            script.AppendLine("set -euo pipefail");
            string server = portal.BaseAddress.GetLeftPart(UriPartial.Authority);
            for (int i = 0; i < example.Commands.Count; i++)
            {
                // Any HTTP error fails the example, with the body on the output so the failure says what went wrong;
                // a command the document shows failing prints its status first instead, as the document does.
                script.AppendLine(example.Commands[i].ExpectedErrorStatus is null
                    ? "curl() { command curl --fail-with-body --show-error \"$@\"; }"
                    : "curl() { command curl --show-error --write-out '%{http_code} ' --output \"$PWD/body\" \"$@\"; cat \"$PWD/body\"; }");
                script.Append("printf '\\n").Append(Separator).Append(i).AppendLine("@@\\n'");
                script.AppendLine(example.Commands[i].Text.Replace(DocumentedBase, server, StringComparison.Ordinal));
            }

            string path = Path.Combine(work, "example.sh");
            await File.WriteAllTextAsync(path, script.ToString());
            var start = new ProcessStartInfo("bash", [path])
            {
                WorkingDirectory = work,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["KEY_ID"] = portal.PublisherKey.KeyId;
            start.Environment["SECRET"] = portal.PublisherKey.Secret;
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static IReadOnlyList<ShellExample> LoadExamples() =>
        ShellExample.Parse(File.ReadAllText(Path.Combine(DemoPortalFixture.FindRepositoryRoot(), "docs", "api.md")));

    [GeneratedRegex(@"\n" + Separator + @"\d+@@\n")]
    private static partial Regex SeparatorPattern();
}
