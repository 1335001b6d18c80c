namespace CivicData.Storage.Loading;

/// <summary>Receives raw text rows for a staging table; values beyond the column count are an error.</summary>
public interface IStagingSink
{
    /// <summary>Appends one row; <paramref name="values"/> has one entry per staged column (null for missing).</summary>
    public void AppendRow(long rowNumber, ReadOnlySpan<string?> values);
}
