namespace CivicData.Ingest.Publishing;

/// <summary>How a row-by-row write changes a dataset.</summary>
public enum RowChangeMode
{
    /// <summary>Update rows that match, create the rest, delete the rows marked deleted; other rows stay.</summary>
    Upsert,

    /// <summary>The written rows become the whole dataset.</summary>
    Replace,
}
