using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CivicData.SideBySide.Measuring;

/// <summary>
/// Runs <c>wrk</c> (Debian's package) against one URL and reads its report: requests per second, the latency
/// distribution that <c>--latency</c> prints, and the non-2xx answers and socket errors that make a run a failure.
/// </summary>
internal static partial class Wrk
{
    /// <summary>wrk's threads; each drives connections / threads of the connections.</summary>
    private const int Threads = 2;

    /// <summary>The wrk on PATH, or null when it isn't installed.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "wrk"))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// <c>wrk -t2 -c{connections} -d{seconds}s --latency --timeout 30s url</c>. The long timeout keeps a slow answer a
    /// latency rather than an error; wrk's default (2 s) would turn a loaded server's tail into timeouts.
    /// </summary>
    public static async Task<LoadResult> RunAsync(string wrk, Uri url, int connections, int seconds)
    {
        var start = new ProcessStartInfo
        {
            FileName = wrk,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])[$"-t{Math.Min(Threads, connections)}", $"-c{connections}", $"-d{seconds}s", "--latency", "--timeout", "30s", url.AbsoluteUri])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + wrk);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited {process.ExitCode} for {url}: {await error}{await output}");
        }

        return Parse(await output);
    }

    /// <summary>Reads wrk's text report; throws if a figure it always prints is missing.</summary>
    public static LoadResult Parse(string report)
    {
        Match rate = RequestsPerSecondPattern().Match(report);
        Match total = TotalPattern().Match(report);
        if (!rate.Success || !total.Success)
        {
            throw new FormatException("wrk's report has no Requests/sec or request count:\n" + report);
        }

        var percentiles = new Dictionary<int, double>();
        foreach (Match line in PercentilePattern().Matches(report))
        {
            percentiles[int.Parse(line.Groups["percent"].Value, CultureInfo.InvariantCulture)] = Milliseconds(line.Groups["value"].Value, line.Groups["unit"].Value);
        }

        long errors = 0;
        var details = new List<string>();
        if (SocketErrorsPattern().Match(report) is { Success: true } socket)
        {
            string[] kinds = ["connect", "read", "write", "timeout"];
            for (int i = 0; i < kinds.Length; i++)
            {
                long count = long.Parse(socket.Groups[i + 1].Value, CultureInfo.InvariantCulture);
                errors += count;
                if (count > 0)
                {
                    details.Add($"{count:N0} {kinds[i]} errors");
                }
            }
        }

        if (Non2xxPattern().Match(report) is { Success: true } non2xx)
        {
            long count = long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
            errors += count;
            details.Add($"{count:N0} non-2xx/3xx answers");
        }

        long requests = long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture);
        return new LoadResult(
            "wrk",
            requests,
            errors,
            details.Count == 0 ? null : string.Join(", ", details),
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            percentiles.GetValueOrDefault(50, double.NaN),
            percentiles.GetValueOrDefault(75, double.NaN),
            percentiles.GetValueOrDefault(90, double.NaN),
            percentiles.GetValueOrDefault(99, double.NaN));
    }

    /// <summary>wrk prints times as <c>279.00us</c>, <c>1.34ms</c>, <c>2.01s</c>, <c>1.50m</c> or <c>1.00h</c>.</summary>
    private static double Milliseconds(string value, string unit)
    {
        double number = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => number / 1000,
            "ms" => number,
            "s" => number * 1000,
            "m" => number * 60_000,
            "h" => number * 3_600_000,
            _ => throw new FormatException($"wrk printed an unknown time unit '{unit}'."),
        };
    }

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecondPattern();

    [GeneratedRegex(@"^\s*(\d+) requests in ", RegexOptions.Multiline)]
    private static partial Regex TotalPattern();

    [GeneratedRegex(@"^\s*(?<percent>50|75|90|99)%\s+(?<value>[\d.]+)(?<unit>us|ms|s|m|h)\s*$", RegexOptions.Multiline)]
    private static partial Regex PercentilePattern();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsPattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xxPattern();
}
