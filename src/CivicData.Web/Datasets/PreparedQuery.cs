using CivicData.Soql;

namespace CivicData.Web.Datasets;

/// <summary>A compiled query against a visible dataset, with the ETag its result will carry (known before it runs).</summary>
public sealed record PreparedQuery(VisibleDataset Dataset, CompiledQuery Compiled, string ETag)
{
    /// <summary>A full download (rows.csv, rows.json, the CLI's export): runs without the query time limit.</summary>
    public bool IsDownload { get; init; }
}
