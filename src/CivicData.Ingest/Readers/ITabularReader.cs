namespace CivicData.Ingest.Readers;

/// <summary>
/// A forward-only, streaming view of one uploaded table: a header (<see cref="Columns"/>) and rows of raw text.
/// Every ingest format implements this; <see cref="TabularReaderFactory"/> is the one place that picks the reader.
/// </summary>
/// <remarks>
/// Values are the source's raw text: <see langword="null"/> when the field is missing, <c>""</c> when it is present but
/// empty (the loader treats both as null). A row with more fields than the header makes <see cref="ReadAsync"/> throw a
/// <see cref="Core.ValidationError"/> with code <c>ingest.ragged-row</c>.
/// </remarks>
public interface ITabularReader : IAsyncDisposable
{
    /// <summary>The source columns, in source order. Names are as written in the file (possibly empty or repeated).</summary>
    public IReadOnlyList<SourceColumn> Columns { get; }

    /// <summary>The 1-based number of the current data record (the header is not counted); 0 before the first read.</summary>
    public long RowNumber { get; }

    /// <summary>Moves to the next row; <see langword="false"/> at the end of the data.</summary>
    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken);

    /// <summary>The raw text of field <paramref name="ordinal"/> in the current row, or null when the row lacks it.</summary>
    public string? GetValue(int ordinal);
}
