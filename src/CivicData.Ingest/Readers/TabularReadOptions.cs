namespace CivicData.Ingest.Readers;

/// <summary>How to read an uploaded file. Every member is optional; the defaults suit well-formed UTF-8 files.</summary>
public sealed record TabularReadOptions
{
    /// <summary>
    /// One of <c>csv</c>, <c>tsv</c>, <c>json</c>, <c>ndjson</c>, <c>geojson</c>, <c>xlsx</c>; null picks the format from the
    /// file extension (and, for <c>.json</c>, from the first bytes).
    /// </summary>
    public string? Format { get; init; }

    /// <summary>
    /// A text encoding name such as <c>windows-1252</c> or <c>latin1</c>; null means strict UTF-8 (with or without a BOM).
    /// Ignored for <c>xlsx</c>.
    /// </summary>
    public string? Encoding { get; init; }

    /// <summary>For <c>xlsx</c>: the sheet to read; null reads the first sheet.</summary>
    public string? Sheet { get; init; }
}
