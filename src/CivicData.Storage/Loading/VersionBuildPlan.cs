using System.Collections.Immutable;
using CivicData.Core.Schema;

namespace CivicData.Storage.Loading;

/// <summary>How to turn a staging table into a new version table.</summary>
/// <param name="Columns">The new version's user columns and where each comes from.</param>
/// <param name="Previous">The current version: append and upsert carry its rows over; new rows' load order continues after it.</param>
/// <param name="RowIdentifier">Field name of the row-identifier column; its values must be unique and non-null.</param>
/// <param name="Now">Stamp for :created_at / :updated_at of new and changed rows (UTC).</param>
public sealed record VersionBuildPlan(
    StagingTable Staging,
    string TableName,
    ImmutableArray<TargetColumn> Columns,
    LoadMode Mode,
    TableSchema? Previous,
    string? RowIdentifier,
    bool SkipBadRows,
    DateTime Now)
{
    /// <summary>For <see cref="LoadMode.Changes"/>: where the staged rows keep their <c>:id</c>, deletion flag and supplied fields.</summary>
    public RowChangeColumns? Changes { get; init; }
}

public enum LoadMode
{
    /// <summary>The new version holds exactly the staged rows.</summary>
    Replace,

    /// <summary>The previous rows, then the staged rows.</summary>
    Append,

    /// <summary>The previous rows updated or added by row identifier; untouched rows are kept.</summary>
    Upsert,

    /// <summary>
    /// SODA's upsert: each staged row updates (only the fields it supplied), creates or deletes one row, matched by the row
    /// identifier or else by <c>:id</c>; untouched rows are kept. Needs <see cref="VersionBuildPlan.Changes"/>.
    /// </summary>
    Changes,
}
