namespace CivicData.Storage.Loading;

/// <summary>
/// What a build did to rows, in SODA's terms: rows created, updated and deleted, rows that could do nothing (a deletion
/// or an <c>:id</c> that matched no row), and how the rows named their target (a row-identifier value or an <c>:id</c>).
/// </summary>
public sealed record RowChangeCounts(long Created, long Updated, long Deleted, long Errors, long ByRowIdentifier, long BySid)
{
    public static RowChangeCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Whether the new version would hold exactly the rows of the previous one.</summary>
    public bool ChangesNothing => Created == 0 && Updated == 0 && Deleted == 0;
}
