using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CivicData.Tests.Commands;

/// <summary>Runs the real <c>civicdata</c> executable from the test's output folder, as an operator would.</summary>
internal static partial class Cli
{
    private static readonly string s_entry = Path.Combine(AppContext.BaseDirectory, "civicdata.dll");

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using Process process = Start(args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        Task<string> stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs the command with <paramref name="input"/> on its standard input.</summary>
    public static async Task<CliResult> RunWithInputAsync(string input, params string[] args)
    {
        using Process process = Start(args, redirectInput: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        Task<string> stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Reads a started <c>serve</c>'s standard output until Kestrel says where it listens.</summary>
    public static async Task<Uri> ReadListeningAddressAsync(Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            Match match = ListeningPattern().Match(line);
            if (match.Success)
            {
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException("serve exited before listening: " + await server.StandardError.ReadToEndAsync(timeout.Token));
    }

    public static Process Start(params string[] args) => Start(args, redirectInput: false);

    private static Process Start(string[] args, bool redirectInput)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(s_entry);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("could not start civicdata");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningPattern();
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string LastLine => Stdout.TrimEnd().Split('\n')[^1].Trim();

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
