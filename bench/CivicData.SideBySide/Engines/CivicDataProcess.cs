using System.Diagnostics;
using System.Text;

namespace CivicData.SideBySide.Engines;

/// <summary>Runs the real <c>civicdata</c> executable (a Release build) the way an operator would.</summary>
internal sealed class CivicDataProcess(string executable)
{
    /// <summary>Starts <c>civicdata</c> with <paramref name="arguments"/>; output is captured, logging kept to warnings.</summary>
    public Process Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo
        {
            FileName = executable.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : executable,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (executable.EndsWith(".dll", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(executable);
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start " + executable);
    }

    /// <summary>Runs a command to completion; throws with its standard error when it fails.</summary>
    public async Task<string> RunAsync(params string[] arguments)
    {
        using Process process = Start(arguments);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"civicdata {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        }

        return await output;
    }

    /// <summary>Imports a CSV into <paramref name="dataDirectory"/> as dataset <paramref name="id"/>, creating or replacing it.</summary>
    public Task<string> ImportAsync(string dataDirectory, string csvPath, string id, string title, bool replace) =>
        RunAsync(
            "import", csvPath, "--data", dataDirectory, "--id", id, "--title", title,
            "--category", "Service Requests", "--department", "311 City Services", "--mode", replace ? "replace" : "create");

    internal static string Describe(Process process)
    {
        var text = new StringBuilder();
        text.Append(process.StartInfo.FileName);
        foreach (string argument in process.StartInfo.ArgumentList)
        {
            text.Append(' ').Append(argument);
        }

        return text.ToString();
    }
}
