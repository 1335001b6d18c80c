using System.Collections.Immutable;
using System.Globalization;

namespace CivicData.SideBySide;

/// <summary>The harness's command line; bench.sh fills in the paths.</summary>
internal sealed record BenchOptions
{
    public static readonly ImmutableArray<string> AllWorkloads = ["W1", "W2", "W3", "W4", "W5", "W6", "W7"];

    public long Rows { get; init; } = 1_000_000;

    public ImmutableArray<string> Workloads { get; init; } = AllWorkloads;

    /// <summary>Timed repetitions after the warm-up (the issue asks for at least 5).</summary>
    public int Repetitions { get; init; } = 7;

    /// <summary>Seconds per wrk run in W4.</summary>
    public int LoadSeconds { get; init; } = 10;

    public required string CivicData { get; init; }

    public required string WorkDirectory { get; init; }

    public required string ResultsDirectory { get; init; }

    public string? Postgres { get; init; }

    public string Commit { get; init; } = "unknown";

    /// <summary>Only write the generated CSV (for use outside the harness) and stop.</summary>
    public bool GenerateOnly { get; init; }

    public bool Runs(string workload) => Workloads.Contains(workload);

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected --name value pairs; got '{args[i]}'.");
            }

            values[args[i][2..]] = args[++i];
        }

        string Required(string name) => values.TryGetValue(name, out string? value) ? value : throw new ArgumentException($"--{name} is required.");

        var options = new BenchOptions
        {
            CivicData = Required("civicdata"),
            WorkDirectory = Required("work"),
            ResultsDirectory = Required("results"),
            Postgres = values.GetValueOrDefault("postgres") is { Length: > 0 } postgres ? postgres : null,
            Commit = values.GetValueOrDefault("commit") ?? "unknown",
            GenerateOnly = values.GetValueOrDefault("generate-only") == "true",
        };
        if (values.TryGetValue("rows", out string? rows))
        {
            options = options with { Rows = long.Parse(rows.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) };
        }

        if (values.TryGetValue("workloads", out string? workloads))
        {
            ImmutableArray<string> chosen = [.. workloads.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => w.ToUpperInvariant())];
            string? unknown = chosen.FirstOrDefault(w => !AllWorkloads.Contains(w));
            options = unknown is null ? options with { Workloads = chosen } : throw new ArgumentException($"Unknown workload '{unknown}'; choose from {string.Join(',', AllWorkloads)}.");
        }

        if (values.TryGetValue("repetitions", out string? repetitions))
        {
            options = options with { Repetitions = Math.Max(5, int.Parse(repetitions, CultureInfo.InvariantCulture)) };
        }

        if (values.TryGetValue("load-seconds", out string? seconds))
        {
            options = options with { LoadSeconds = int.Parse(seconds, CultureInfo.InvariantCulture) };
        }

        return options;
    }
}
