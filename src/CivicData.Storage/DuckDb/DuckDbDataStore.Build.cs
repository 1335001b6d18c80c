using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text;
using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Storage.Loading;
using DuckDB.NET.Data;

namespace CivicData.Storage.DuckDb;

public sealed partial class DuckDbDataStore
{
    private const int MaxReportedProblems = 100;
    private const int ReasonEmptyKey = -1;
    private const int ReasonDuplicateKey = -2;

    public async Task<VersionBuildResult> BuildVersionAsync(VersionBuildPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Mode == LoadMode.Upsert && (plan.RowIdentifier is null || plan.Previous is null))
        {
            throw new ValidationError("ingest.upsert-needs-row-id", "An upsert needs an existing dataset with a row identifier column.");
        }

        if (plan.Mode == LoadMode.Changes && (plan.Changes is null || plan.Previous is null))
        {
            throw new ValidationError("ingest.changes-need-previous", "Row changes need an existing version and the staged change columns.");
        }

        string stage = Staged(plan.Staging.TableName);
        string problems = ProblemsQuery(plan, stage);
        await using DuckDBConnection connection = OpenConnection();

        long badRows = 0;
        var report = ImmutableArray.CreateBuilder<BadRow>();
        if (problems.Length > 0 && await MayHaveProblemsAsync(connection, plan, stage, cancellationToken))
        {
            badRows = await ScalarAsync<long>(connection, $"SELECT count(DISTINCT rn) FROM ({problems})", cancellationToken);
            if (badRows > 0)
            {
                await ReadProblemsAsync(connection, plan, problems, report, cancellationToken);
                if (!plan.SkipBadRows)
                {
                    return new VersionBuildResult(false, 0, 0, report.ToImmutable(), badRows);
                }
            }
        }

        RowChangeCounts counts = plan.Mode == LoadMode.Changes ? await CountChangesAsync(connection, plan, stage, cancellationToken) : RowChangeCounts.None;
        string source = badRows > 0 ? $"(SELECT * FROM {stage} WHERE rn NOT IN (SELECT rn FROM ({problems})))" : stage;
        string table = Quote(plan.TableName);
        await ExecuteAsync(connection, "BEGIN TRANSACTION", cancellationToken);
        try
        {
            await ExecuteAsync(connection, CreateTableSql(table, plan.Columns), cancellationToken);
            foreach (string insert in InsertStatements(plan, table, source))
            {
                await ExecuteAsync(connection, insert, cancellationToken, plan.Now);
            }

            await ExecuteAsync(connection, "COMMIT", cancellationToken);
        }
        catch (Exception ex) when (ex is DuckDBException or OperationCanceledException)
        {
            await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            if (ex is DuckDBException duck)
            {
                throw new ValidationError("ingest.load-failed", $"The rows could not be loaded: {FirstLine(duck.Message)}", null, duck);
            }

            throw;
        }

        long rows = await ScalarAsync<long>(connection, $"SELECT count(*) FROM {table}", cancellationToken);
        if (plan.Mode == LoadMode.Replace)
        {
            counts = RowChangeCounts.None with { Created = rows };
        }

        return new VersionBuildResult(true, rows, badRows, report.ToImmutable(), badRows) { Counts = counts };
    }

    /// <summary>
    /// One scan that answers whether any value fails to convert, so that a clean file (the usual case) skips the
    /// per-column UNION below, which scans the staging table once per column. Row identifiers need the UNION's window.
    /// </summary>
    private static async Task<bool> MayHaveProblemsAsync(DuckDBConnection connection, VersionBuildPlan plan, string stage, CancellationToken cancellationToken)
    {
        if (plan.RowIdentifier is not null)
        {
            return true;
        }

        List<string> fails = [.. plan.Columns
            .Select(target => target.Source is ColumnSource.Staged staged && !target.KnownToConvert && DuckDbConversions.CanFail(target.Column.Type)
                ? DuckDbConversions.Fails(StagedColumn(staged.Index), target.Column.Type)
                : null)
            .OfType<string>()];
        return fails.Count > 0
            && await ScalarAsync<bool>(connection, $"SELECT EXISTS (SELECT 1 FROM {stage} WHERE {string.Join(" OR ", fails)})", cancellationToken);
    }

    /// <summary>A UNION of (rn, target column index, raw value, reason code) for every value that cannot load.</summary>
    private static string ProblemsQuery(VersionBuildPlan plan, string stage)
    {
        var parts = new List<string>();
        for (int i = 0; i < plan.Columns.Length; i++)
        {
            TargetColumn target = plan.Columns[i];
            if (target.Source is ColumnSource.Staged staged && !target.KnownToConvert && DuckDbConversions.CanFail(target.Column.Type))
            {
                string column = StagedColumn(staged.Index);
                parts.Add(Invariant($"SELECT rn, {i} AS col, {column} AS v, {i} AS reason FROM {stage} WHERE {DuckDbConversions.Fails(column, target.Column.Type)}"));
            }

            if (target.Column.FieldName == plan.RowIdentifier && target.Source is ColumnSource.Staged key)
            {
                string column = StagedColumn(key.Index);
                string value = DuckDbConversions.Convert(column, target.Column.Type);
                parts.Add(Invariant($"SELECT rn, {i} AS col, {column} AS v, {ReasonEmptyKey} AS reason FROM {stage} WHERE {DuckDbConversions.Trimmed(column)} IS NULL"));
                parts.Add(Invariant(
                    $"SELECT rn, {i} AS col, v, {ReasonDuplicateKey} AS reason FROM (SELECT rn, {column} AS v, count(*) OVER (PARTITION BY {value}) AS n FROM {stage} WHERE {value} IS NOT NULL) WHERE n > 1"));
            }
        }

        return string.Join(" UNION ALL ", parts);
    }

    private static async Task ReadProblemsAsync(DuckDBConnection connection, VersionBuildPlan plan, string problems, ImmutableArray<BadRow>.Builder report, CancellationToken cancellationToken)
    {
        await using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = Invariant($"SELECT rn, col, v, reason FROM ({problems}) ORDER BY rn, col LIMIT {MaxReportedProblems}");
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ColumnSchema column = plan.Columns[reader.GetInt32(1)].Column;
            int reason = reader.GetInt32(3);
            string why = reason switch
            {
                ReasonEmptyKey => "the row identifier is empty",
                ReasonDuplicateKey => "the row identifier is not unique",
                _ => DuckDbConversions.Reason(column.Type),
            };
            report.Add(new BadRow(reader.GetInt64(0), column.FieldName, reader.IsDBNull(2) ? null : reader.GetString(2), why));
        }
    }

    private static string CreateTableSql(string table, ImmutableArray<TargetColumn> columns)
    {
        var sql = new StringBuilder(Invariant(
            $"CREATE TABLE {table} ({Quote(SystemColumns.Id)} VARCHAR, {Quote(SystemColumns.Sequence)} BIGINT, {Quote(SystemColumns.CreatedAt)} TIMESTAMP, {Quote(SystemColumns.UpdatedAt)} TIMESTAMP"));
        foreach (TargetColumn target in columns)
        {
            sql.Append(", ").Append(Quote(target.Column.PhysicalName)).Append(' ').Append(DuckDbConversions.PhysicalType(target.Column.Type));
        }

        return sql.Append(')').ToString();
    }

    /// <summary>The INSERTs that fill the new table; $1 is the load time.</summary>
    private static IEnumerable<string> InsertStatements(VersionBuildPlan plan, string table, string source)
    {
        string baseSequence = plan.Previous is null
            ? "0"
            : $"(SELECT COALESCE(max({Quote(SystemColumns.Sequence)}), 0) FROM {Quote(plan.Previous.TableName)})";
        string sequence = $"({baseSequence} + s.rn)";
        string id = $"('row-' || lower(to_base({sequence}, 36, 6)))";
        string systemFromPrevious = string.Join(", ", new[] { SystemColumns.Id, SystemColumns.Sequence, SystemColumns.CreatedAt, SystemColumns.UpdatedAt }.Select(c => "p." + Quote(c)));

        switch (plan.Mode)
        {
            case LoadMode.Replace:
                yield return $"INSERT INTO {table} SELECT {id}, {sequence}, $1, $1, {NewValues(plan, previousAlias: null)} FROM {source} s";
                break;
            case LoadMode.Append:
                if (plan.Previous is not null)
                {
                    yield return $"INSERT INTO {table} SELECT {systemFromPrevious}, {PreviousValues(plan)} FROM {Quote(plan.Previous.TableName)} p";
                }

                yield return $"INSERT INTO {table} SELECT {id}, {sequence}, $1, $1, {NewValues(plan, previousAlias: null)} FROM {source} s";
                break;
            case LoadMode.Upsert:
                TargetColumn keyTarget = plan.Columns.Single(c => c.Column.FieldName == plan.RowIdentifier);
                string newKey = NewValue(keyTarget, previousAlias: null);
                string previousKey = "p." + Quote(keyTarget.Column.PhysicalName);
                string previous = Quote(plan.Previous!.TableName);
                // One INSERT in :seq order (the second column): an updated row keeps its old position, and the table's
                // physical order must stay :seq order because DuckDB queries rely on it instead of sorting (ScansInSequenceOrder).
                yield return $"INSERT INTO {table} SELECT * FROM (" +
                             $"SELECT {systemFromPrevious}, {PreviousValues(plan)} FROM {previous} p " +
                             $"WHERE NOT EXISTS (SELECT 1 FROM {source} s WHERE {newKey} = {previousKey}) " +
                             $"UNION ALL SELECT COALESCE(p.{Quote(SystemColumns.Id)}, {id}), COALESCE(p.{Quote(SystemColumns.Sequence)}, {sequence}), " +
                             $"COALESCE(p.{Quote(SystemColumns.CreatedAt)}, $1), $1, {NewValues(plan, previousAlias: "p")} FROM {source} s LEFT JOIN {previous} p ON {previousKey} = {newKey}" +
                             ") ORDER BY 2";
                break;
            case LoadMode.Changes:
                yield return ChangesInsert(plan, table, source, systemFromPrevious, id, sequence);
                break;
            default:
                throw new ValidationError("ingest.mode", $"Unknown load mode {plan.Mode}.");
        }
    }

    private static string NewValues(VersionBuildPlan plan, string? previousAlias) =>
        string.Join(", ", plan.Columns.Select(target => NewValue(target, previousAlias, plan.Previous)));

    private static string NewValue(TargetColumn target, string? previousAlias, TableSchema? previous = null)
    {
        SodaType type = target.Column.Type;
        return target.Source switch
        {
            ColumnSource.Staged staged => DuckDbConversions.Convert("s." + StagedColumn(staged.Index), type),
            ColumnSource.LatitudeLongitude pair => DuckDbConversions.PointFromLatitudeLongitude("s." + StagedColumn(pair.LatitudeIndex), "s." + StagedColumn(pair.LongitudeIndex)),
            // An upsert keeps what the file does not mention.
            ColumnSource.Missing when previousAlias is not null && previous?.FindColumn(target.Column.FieldName) is not null
                => previousAlias + "." + Quote(target.Column.PhysicalName),
            _ => $"CAST(NULL AS {DuckDbConversions.PhysicalType(type)})",
        };
    }

    private static string PreviousValues(VersionBuildPlan plan) =>
        string.Join(", ", plan.Columns.Select(target =>
            plan.Previous!.FindColumn(target.Column.FieldName) is { } old
                ? $"CAST(p.{Quote(old.PhysicalName)} AS {DuckDbConversions.PhysicalType(target.Column.Type)})"
                : $"CAST(NULL AS {DuckDbConversions.PhysicalType(target.Column.Type)})"));

    private static string StagedColumn(int index) => Quote(string.Create(CultureInfo.InvariantCulture, $"c{index}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
