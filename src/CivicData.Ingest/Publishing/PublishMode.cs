namespace CivicData.Ingest.Publishing;

/// <summary>How a file becomes a dataset's next version.</summary>
public enum PublishMode
{
    /// <summary>A new dataset (an existing id is an error).</summary>
    Create,

    /// <summary>The file's rows become the whole dataset; a new dataset when the id is unknown.</summary>
    Replace,

    /// <summary>The file's rows are added after the current rows.</summary>
    Append,

    /// <summary>Rows are matched on the row-identifier column: matches are updated, the rest added.</summary>
    Upsert,
}
