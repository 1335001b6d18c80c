namespace CivicData.Core.Schema;

/// <summary>
/// SODA's system fields and the physical columns that hold them. Field names can never contain ':',
/// so these physical names never collide with a user column.
/// </summary>
public static class SystemColumns
{
    /// <summary>Row id as text, e.g. <c>row-00000001</c>; stable across upserts keyed by a row identifier.</summary>
    public const string Id = ":id";

    public const string CreatedAt = ":created_at";

    public const string UpdatedAt = ":updated_at";

    /// <summary>Load order; the default sort, so naive paging is stable. Not exposed through SoQL.</summary>
    public const string Sequence = ":seq";
}
