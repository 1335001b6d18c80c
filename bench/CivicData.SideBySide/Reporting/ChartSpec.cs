using System.Text.Json;
using System.Text.Json.Nodes;

namespace CivicData.SideBySide.Reporting;

/// <summary>
/// The run's medians as a Vega-Lite bar chart (log scale: ingest takes seconds, a filtered page milliseconds), one
/// group of bars per workload and one colour per system. Bars are not stacked: a stack starts at 0, which a log scale
/// cannot show. bench/chart renders it to SVG for the docs.
/// </summary>
internal static class ChartSpec
{
    public static string Build(IReadOnlyList<ChartPoint> points, string title)
    {
        var values = new JsonArray();
        foreach (ChartPoint point in points)
        {
            values.Add(new JsonObject
            {
                ["workload"] = point.Workload,
                ["system"] = point.System,
                ["median_ms"] = Math.Round(point.MedianMs, 3),
            });
        }

        var spec = new JsonObject
        {
            ["$schema"] = "https://vega.github.io/schema/vega-lite/v6.json",
            ["title"] = title,
            ["width"] = 120,
            ["height"] = 260,
            ["data"] = new JsonObject { ["values"] = values },
            // Each workload shows only the systems measured in it (SQLite only in W7, for example).
            ["resolve"] = new JsonObject { ["scale"] = new JsonObject { ["x"] = "independent" } },
            ["mark"] = new JsonObject { ["type"] = "bar", ["tooltip"] = true },
            ["encoding"] = new JsonObject
            {
                ["column"] = new JsonObject { ["field"] = "workload", ["type"] = "nominal", ["title"] = null, ["header"] = new JsonObject { ["labelAngle"] = 0, ["labelLimit"] = 160 } },
                ["x"] = new JsonObject { ["field"] = "system", ["type"] = "nominal", ["title"] = null, ["axis"] = new JsonObject { ["labels"] = false, ["ticks"] = false } },
                ["y"] = new JsonObject { ["field"] = "median_ms", ["type"] = "quantitative", ["title"] = "median (ms, log scale)", ["scale"] = new JsonObject { ["type"] = "log" }, ["stack"] = null },
                ["color"] = new JsonObject { ["field"] = "system", ["type"] = "nominal", ["title"] = "system" },
            },
        };
        return spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
