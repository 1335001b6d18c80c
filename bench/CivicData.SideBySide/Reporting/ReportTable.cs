using System.Collections.Immutable;

namespace CivicData.SideBySide.Reporting;

/// <summary>One workload's figures: a heading, what was measured, a table and notes under it.</summary>
internal sealed class ReportTable(string title, string description, ImmutableArray<string> header)
{
    public string Title => title;

    public string Description => description;

    public ImmutableArray<string> Header => header;

    public List<string[]> Rows { get; } = [];

    public List<string> Notes { get; } = [];

    public void Add(params string[] cells)
    {
        if (cells.Length != header.Length)
        {
            throw new ArgumentException($"{title}: a row has {cells.Length} cells for {header.Length} columns.");
        }

        Rows.Add(cells);
    }
}
