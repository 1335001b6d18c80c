using System.CommandLine;

namespace CivicData.Commands;

/// <summary>Options several commands share, and how their defaults are found.</summary>
internal static class SharedOptions
{
    public static Option<string?> Data() => new("--data")
    {
        Description = "Data directory holding catalog.db and data.duckdb (default: $CIVICDATA_DATA, else ./data).",
    };

    public static string ResolveDataDirectory(string? option) =>
        option ?? Environment.GetEnvironmentVariable("CIVICDATA_DATA") ?? Path.Combine(Environment.CurrentDirectory, "data");
}
