using CivicData.Storage.Loading;
using DuckDB.NET.Data;

namespace CivicData.Storage.DuckDb;

/// <summary>
/// SODA's upsert (<see cref="LoadMode.Changes"/>): staged rows update, create or delete rows of the previous version,
/// matched by the row-identifier column or else by <c>:id</c>. As everywhere in the store, the SQL is made of our own
/// constants, quoted column names from the schema and staged column numbers; the values stay in the staging table.
/// </summary>
public sealed partial class DuckDbDataStore
{
    /// <summary>Counts what the changes will do, before the new table is filled (both read the same staged rows).</summary>
    private static async Task<RowChangeCounts> CountChangesAsync(DuckDBConnection connection, VersionBuildPlan plan, string stage, CancellationToken cancellationToken)
    {
        ChangeKey key = ChangeKeyOf(plan);
        string previous = Quote(plan.Previous!.TableName);
        // A row naming an :id that matches nothing cannot be created under that id; a row-identifier value can.
        string creatable = key.BySid ? "k IS NULL" : "true";
        await using DuckDBCommand command = connection.CreateCommand();
        command.CommandText =
            "SELECT count(*) FILTER (WHERE NOT d AND m), " +
            $"count(*) FILTER (WHERE NOT d AND NOT m AND {creatable}), " +
            "count(*) FILTER (WHERE d AND m), " +
            $"count(*) FILTER (WHERE d AND NOT m) + count(*) FILTER (WHERE NOT d AND NOT m AND NOT ({creatable})), " +
            "count(k) " +
            $"FROM (SELECT {key.Staged} AS k, {Deleted(plan)} AS d, EXISTS (SELECT 1 FROM {previous} p WHERE {key.Previous} = {key.Staged}) AS m FROM {stage} s)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        long identified = reader.GetInt64(4);
        return new RowChangeCounts(
            Created: reader.GetInt64(1),
            Updated: reader.GetInt64(0),
            Deleted: reader.GetInt64(2),
            Errors: reader.GetInt64(3),
            ByRowIdentifier: key.BySid ? 0 : identified,
            BySid: key.BySid ? identified : 0);
    }

    /// <summary>
    /// One INSERT in <c>:seq</c> order (see the upsert in <see cref="InsertStatements"/>): the untouched previous rows,
    /// the updated ones (keeping their id, position and creation time), then the created ones after the previous last.
    /// Deleted rows are simply left out.
    /// </summary>
    private static string ChangesInsert(VersionBuildPlan plan, string table, string source, string systemFromPrevious, string newId, string newSequence)
    {
        ChangeKey key = ChangeKeyOf(plan);
        string previous = Quote(plan.Previous!.TableName);
        string kept = Invariant($"NOT ({Deleted(plan)})");
        string created = key.BySid ? $"{kept} AND {key.Staged} IS NULL" : kept;
        return $"INSERT INTO {table} SELECT * FROM (" +
               $"SELECT {systemFromPrevious}, {PreviousValues(plan)} FROM {previous} p " +
               $"WHERE NOT EXISTS (SELECT 1 FROM {source} s WHERE {key.Staged} = {key.Previous}) " +
               $"UNION ALL SELECT p.{Quote(Core.Schema.SystemColumns.Id)}, p.{Quote(Core.Schema.SystemColumns.Sequence)}, p.{Quote(Core.Schema.SystemColumns.CreatedAt)}, $1, {MergedValues(plan)} " +
               $"FROM {source} s JOIN {previous} p ON {key.Previous} = {key.Staged} WHERE {kept} " +
               $"UNION ALL SELECT {newId}, {newSequence}, $1, $1, {NewValues(plan, previousAlias: null)} FROM {source} s " +
               $"WHERE {created} AND NOT EXISTS (SELECT 1 FROM {previous} p WHERE {key.Previous} = {key.Staged})" +
               ") ORDER BY 2";
    }

    /// <summary>Each column: the staged value where the row supplied the field, else the previous value.</summary>
    private static string MergedValues(VersionBuildPlan plan)
    {
        string present = "s." + StagedColumn(plan.Changes!.PresentIndex);
        return string.Join(", ", plan.Columns.Select((target, i) =>
        {
            string old = plan.Previous!.FindColumn(target.Column.FieldName) is { } column
                ? $"CAST(p.{Quote(column.PhysicalName)} AS {DuckDbConversions.PhysicalType(target.Column.Type)})"
                : $"CAST(NULL AS {DuckDbConversions.PhysicalType(target.Column.Type)})";
            return target.Source is ColumnSource.Staged
                ? Invariant($"(CASE WHEN substr({present}, {i + 1}, 1) = '1' THEN {NewValue(target, previousAlias: null)} ELSE {old} END)")
                : old;
        }));
    }

    private static string Deleted(VersionBuildPlan plan) => $"s.{StagedColumn(plan.Changes!.DeletedIndex)} IS NOT NULL";

    /// <summary>The staged row's key and the previous row's: the row identifier's typed value, or the <c>:id</c> text.</summary>
    private static ChangeKey ChangeKeyOf(VersionBuildPlan plan)
    {
        if (plan.RowIdentifier is { } field)
        {
            TargetColumn target = plan.Columns.Single(c => c.Column.FieldName == field);
            return new ChangeKey(NewValue(target, previousAlias: null), "p." + Quote(target.Column.PhysicalName), BySid: false);
        }

        return new ChangeKey(DuckDbConversions.Trimmed("s." + StagedColumn(plan.Changes!.RowIdIndex)), "p." + Quote(Core.Schema.SystemColumns.Id), BySid: true);
    }

    private sealed record ChangeKey(string Staged, string Previous, bool BySid);
}
