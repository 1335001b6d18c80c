namespace CivicData.Ingest.Publishing;

/// <summary>One row of a row-by-row write (SODA's producer API): values as text, read as the dataset's column types.</summary>
public sealed record RowChange
{
    /// <summary>Field name → value as text; null is a value sent as null. Fields left out keep their value on update.</summary>
    public required IReadOnlyDictionary<string, string?> Values { get; init; }

    /// <summary>The <c>:id</c> the row names; it identifies the row in datasets without a row-identifier column.</summary>
    public string? RowId { get; init; }

    /// <summary>Delete the identified row instead of writing it.</summary>
    public bool Deleted { get; init; }
}
