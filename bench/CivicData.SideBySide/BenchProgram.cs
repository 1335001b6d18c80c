using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CivicData.SideBySide.Reporting;
using CivicData.SideBySide.Workloads;

namespace CivicData.SideBySide;

/// <summary>Runs the chosen workloads in order and writes bench/results/&lt;stamp&gt;.md and its chart spec.</summary>
internal static class BenchProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync("error: " + exception.Message);
            return 2;
        }

        if (options.GenerateOnly)
        {
            Directory.CreateDirectory(options.WorkDirectory);
            Generation.ServiceRequestGenerator.WriteIfMissing(Path.Combine(options.WorkDirectory, $"service-requests-{options.Rows}.csv"), options.Rows);
            return 0;
        }

        var clock = Stopwatch.StartNew();
        var report = new RunReport();
        await using (var context = new BenchContext(options, report))
        {
            await DescribeMachineAsync(context);
            foreach (string workload in options.Workloads.Order(StringComparer.Ordinal))
            {
                Task run = workload switch
                {
                    "W1" => W1Ingest.RunAsync(context),
                    "W2" => QueryWorkloads.RunAggregateAsync(context),
                    "W3" => QueryWorkloads.RunFilterSortPageAsync(context),
                    "W4" => W4Throughput.RunAsync(context),
                    "W5" => W5Export.RunAsync(context),
                    "W6" => W6Scaling.RunAsync(context),
                    "W7" => W7Catalog.RunAsync(context),
                    _ => throw new UnreachableException(workload),
                };
                await run;
            }
        }

        report.Machine.Add(new("Harness wall time", $"{clock.Elapsed.TotalMinutes:N1} min"));
        Directory.CreateDirectory(options.ResultsDirectory);
        string stamp = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture);
        string name = $"{stamp}-{options.Rows}-rows";
        string markdown = report.ToMarkdown($"CivicData benchmarks, {stamp} UTC, {options.Rows:N0} rows");
        await File.WriteAllTextAsync(Path.Combine(options.ResultsDirectory, name + ".md"), markdown);
        await File.WriteAllTextAsync(Path.Combine(options.ResultsDirectory, name + ".vl.json"), ChartSpec.Build(report.Chart, $"Median time per workload, {options.Rows:N0} rows (lower is better)"));
        Console.WriteLine(markdown);
        Console.WriteLine($"results: {Path.Combine(options.ResultsDirectory, name)}.md");
        return 0;
    }

    private static async Task DescribeMachineAsync(BenchContext context)
    {
        RunReport report = context.Report;
        report.Machine.Add(new("Commit", context.Options.Commit));
        report.Machine.Add(new("Date", TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)));
        report.Machine.Add(new("CPU", $"{CpuModel()}, {Environment.ProcessorCount} cores"));
        report.Machine.Add(new("Memory", $"{MemoryGiB():N0} GiB"));
        report.Machine.Add(new("OS", $"{OsName()}, {RuntimeInformation.FrameworkDescription}"));
        report.Machine.Add(new("DuckDB", context.DuckDb.Version));
        if (context.Postgres is { } postgres)
        {
            report.Machine.Add(new("PostgreSQL", await postgres.VersionAsync() + " (fsync off, default memory settings)"));
        }

        report.Machine.Add(new("Rows", context.Options.Rows.ToString("N0", CultureInfo.InvariantCulture)));
        report.Machine.Add(new("Repetitions", $"{context.Options.Repetitions} timed after a warm-up (10 for single queries)"));
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : RuntimeInformation.ProcessArchitecture.ToString();

    private static double MemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;

    private static string OsName() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(line => line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription
            : RuntimeInformation.OSDescription;
}
