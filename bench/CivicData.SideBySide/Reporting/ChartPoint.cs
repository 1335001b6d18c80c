namespace CivicData.SideBySide.Reporting;

/// <summary>One bar of the summary chart: a workload's median time on one system.</summary>
internal sealed record ChartPoint(string Workload, string System, double MedianMs);
