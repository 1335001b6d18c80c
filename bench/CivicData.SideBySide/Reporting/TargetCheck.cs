namespace CivicData.SideBySide.Reporting;

/// <summary>A target of issue 5 and whether this run met it.</summary>
internal sealed record TargetCheck(string Workload, string Target, string Measured, bool Met);
