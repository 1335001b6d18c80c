using System.Globalization;
using System.Text;

namespace CivicData.SideBySide.Reporting;

/// <summary>Everything one run measured, written as Markdown plus a Vega-Lite chart spec.</summary>
internal sealed class RunReport
{
    public List<KeyValuePair<string, string>> Machine { get; } = [];

    public List<ReportTable> Tables { get; } = [];

    public List<TargetCheck> Targets { get; } = [];

    public List<ChartPoint> Chart { get; } = [];

    public ReportTable Table(string title, string description, params string[] header)
    {
        var table = new ReportTable(title, description, [.. header]);
        Tables.Add(table);
        return table;
    }

    public string ToMarkdown(string heading)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(heading).Append("\n\n");
        foreach ((string key, string value) in Machine)
        {
            text.Append("- **").Append(key).Append(":** ").Append(value).Append('\n');
        }

        if (Targets.Count > 0)
        {
            text.Append("\n## Targets (issue 5)\n\n| workload | target | measured | met |\n|---|---|---|---|\n");
            foreach (TargetCheck target in Targets)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {target.Workload} | {target.Target} | {target.Measured} | {(target.Met ? "yes" : "**no**")} |\n");
            }
        }

        foreach (ReportTable table in Tables)
        {
            text.Append("\n## ").Append(table.Title).Append("\n\n").Append(table.Description).Append("\n\n");
            text.Append("| ").AppendJoin(" | ", table.Header).Append(" |\n");
            text.Append('|').AppendJoin("|", table.Header.Select((_, i) => i == 0 ? "---" : "---:")).Append("|\n");
            foreach (string[] row in table.Rows)
            {
                text.Append("| ").AppendJoin(" | ", row.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
            }

            foreach (string note in table.Notes)
            {
                text.Append('\n').Append(note).Append('\n');
            }
        }

        return text.ToString();
    }
}
