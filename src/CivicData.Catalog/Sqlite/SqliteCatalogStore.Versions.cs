using System.Collections.Immutable;
using CivicData.Catalog.Datasets;
using CivicData.Core;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CivicData.Catalog.Sqlite;

/// <summary>Versions of a dataset and the columns of each.</summary>
public sealed partial class SqliteCatalogStore
{
    private const string VersionColumns = """
        v.number AS Number, v.table_name AS TableName, v.row_count AS RowCount, v.created_at AS CreatedAt,
        v.mode AS Mode, v.source AS Source
        """;

    private const string ColumnColumns = """
        c.number AS Number, c.position AS Position, c.column_id AS ColumnId, c.field_name AS FieldName,
        c.display_name AS DisplayName, c.data_type AS DataType, c.description AS Description, c.hidden AS Hidden
        """;

    public async Task<int> NextVersionNumberAsync(DatasetId id, CancellationToken cancellationToken)
    {
        string key = Key(id);
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        await using SqliteTransaction transaction = connection.BeginTransaction();

        // One statement under the write lock: two loaders asking at once get different numbers. The number is
        // past every version that exists or ever existed (last_version_number survives DeleteVersionAsync).
        long? next = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            UPDATE datasets
            SET last_version_number = MAX(
                    last_version_number,
                    IFNULL(current_version, 0),
                    IFNULL((SELECT MAX(v.number) FROM dataset_versions AS v WHERE v.dataset_id = datasets.id), 0)) + 1
            WHERE id = @id
            RETURNING last_version_number
            """,
            new { id = key },
            transaction,
            cancellationToken: cancellationToken));
        if (next is not long number)
        {
            throw DatasetNotFound(key);
        }

        await CommitWriteAsync(transaction, cancellationToken);
        return checked((int)number);
    }

    public async Task<DatasetVersion> PublishVersionAsync(DatasetId id, NewVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        string key = Key(id);
        ImmutableArray<ColumnSchema> columns = ValidateNewVersion(version);
        DateTimeOffset now = CatalogTimestamp.Truncate(_clock.GetUtcNow());
        string nowText = CatalogTimestamp.ToText(now);

        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        await using SqliteTransaction transaction = connection.BeginTransaction();

        bool datasetExists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM datasets WHERE id = @id)", new { id = key }, transaction, cancellationToken: cancellationToken));
        if (!datasetExists)
        {
            throw DatasetNotFound(key);
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO dataset_versions (dataset_id, number, table_name, row_count, created_at, mode, source)
                VALUES (@id, @number, @tableName, @rowCount, @now, @mode, @source)
                """,
                new
                {
                    id = key,
                    number = version.Number,
                    tableName = version.TableName,
                    rowCount = version.RowCount,
                    now = nowText,
                    mode = version.Mode,
                    source = version.Source,
                },
                transaction,
                cancellationToken: cancellationToken));
        }
        catch (SqliteException exception) when (exception.SqliteExtendedErrorCode == SqlitePrimaryKeyViolation)
        {
            throw new ConflictError("version.exists", $"Dataset '{key}' already has a version {version.Number}.");
        }
        catch (SqliteException exception) when (exception.SqliteExtendedErrorCode == SqliteUniqueViolation)
        {
            throw new ConflictError("version.table-in-use", $"Another version already uses table '{version.TableName}'.");
        }

        // Dapper runs the insert once per column.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO version_columns (
                dataset_id, number, position, column_id, field_name, display_name, data_type, description, hidden)
            VALUES (@id, @number, @position, @columnId, @fieldName, @displayName, @dataType, @description, @hidden)
            """,
            columns.Select(column => new
            {
                id = key,
                number = version.Number,
                position = column.Position,
                columnId = column.ColumnId,
                fieldName = column.FieldName,
                displayName = column.DisplayName,
                dataType = column.Type.ToName(),
                description = column.Description,
                hidden = column.Hidden,
            }),
            transaction,
            cancellationToken: cancellationToken));

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE datasets
            SET current_version = @number, row_identifier = @rowIdentifier, data_updated_at = @now,
                last_version_number = MAX(last_version_number, @number)
            WHERE id = @id
            """,
            new { id = key, number = version.Number, rowIdentifier = version.RowIdentifier, now = nowText },
            transaction,
            cancellationToken: cancellationToken));

        await RefreshSearchAsync(connection, transaction, key, cancellationToken);
        await CommitWriteAsync(transaction, cancellationToken);

        return new DatasetVersion(id, version.Number, version.TableName, version.RowCount, now, version.Mode, version.Source, columns);
    }

    public async Task<DatasetVersion?> FindVersionAsync(DatasetId id, int number, CancellationToken cancellationToken)
    {
        string key = Key(id);
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        await using SqliteTransaction snapshot = connection.BeginTransaction(deferred: true);
        IReadOnlyList<DatasetVersion> versions = await QueryVersionsAsync(connection, snapshot, id, number, cancellationToken);
        return versions.Count == 0 ? null : versions[0];
    }

    public async Task<IReadOnlyList<DatasetVersion>> ListVersionsAsync(DatasetId id, CancellationToken cancellationToken)
    {
        Key(id);
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        await using SqliteTransaction snapshot = connection.BeginTransaction(deferred: true);
        return await QueryVersionsAsync(connection, snapshot, id, number: null, cancellationToken);
    }

    public async Task DeleteVersionAsync(DatasetId id, int number, CancellationToken cancellationToken)
    {
        string key = Key(id);
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        await using SqliteTransaction transaction = connection.BeginTransaction();

        CurrentVersionRow? dataset = await connection.QuerySingleOrDefaultAsync<CurrentVersionRow>(new CommandDefinition(
            "SELECT current_version AS CurrentVersion FROM datasets WHERE id = @id",
            new { id = key },
            transaction,
            cancellationToken: cancellationToken));
        if (dataset is null)
        {
            throw DatasetNotFound(key);
        }

        if (dataset.CurrentVersion == number)
        {
            throw new ConflictError("version.current", $"Version {number} is the current version of dataset '{key}' and cannot be deleted.");
        }

        // Its columns go with it (ON DELETE CASCADE).
        int deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM dataset_versions WHERE dataset_id = @id AND number = @number",
            new { id = key, number },
            transaction,
            cancellationToken: cancellationToken));
        if (deleted == 0)
        {
            throw new NotFoundError("version.not-found", $"Dataset '{key}' has no version {number}.");
        }

        await CommitWriteAsync(transaction, cancellationToken);
    }

    public async Task<IReadOnlySet<string>> ListTableNamesAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        IEnumerable<string> names = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT table_name FROM dataset_versions", cancellationToken: cancellationToken));
        return names.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Versions of one dataset, newest first, each with its columns by position; one version when number is set.</summary>
    private static async Task<IReadOnlyList<DatasetVersion>> QueryVersionsAsync(
        SqliteConnection connection, SqliteTransaction snapshot, DatasetId id, int? number, CancellationToken cancellationToken)
    {
        var parameters = new { id = id.Value, number };

        IEnumerable<VersionRow> versionRows = await connection.QueryAsync<VersionRow>(new CommandDefinition(
            $"""
            SELECT {VersionColumns}
            FROM dataset_versions AS v
            WHERE v.dataset_id = @id AND (@number IS NULL OR v.number = @number)
            ORDER BY v.number DESC
            """,
            parameters,
            snapshot,
            cancellationToken: cancellationToken));
        List<VersionRow> versions = versionRows.AsList();
        if (versions.Count == 0)
        {
            return [];
        }

        IEnumerable<ColumnRow> columnRows = await connection.QueryAsync<ColumnRow>(new CommandDefinition(
            $"""
            SELECT {ColumnColumns}
            FROM version_columns AS c
            WHERE c.dataset_id = @id AND (@number IS NULL OR c.number = @number)
            ORDER BY c.number, c.position
            """,
            parameters,
            snapshot,
            cancellationToken: cancellationToken));
        ILookup<long, ColumnRow> columnsByVersion = columnRows.ToLookup(column => column.Number);

        return versions
            .Select(version => new DatasetVersion(
                id,
                checked((int)version.Number),
                version.TableName,
                version.RowCount,
                CatalogTimestamp.Parse(version.CreatedAt),
                version.Mode,
                version.Source,
                [.. columnsByVersion[version.Number].Select(column => column.ToColumnSchema())]))
            .ToList();
    }

    /// <summary>Checks what SQL constraints would otherwise report less clearly; returns the columns by position.</summary>
    private static ImmutableArray<ColumnSchema> ValidateNewVersion(NewVersion version)
    {
        if (version.Number < 1)
        {
            throw new ValidationError("version.invalid-number", $"Version numbers start at 1; got {version.Number}.");
        }

        if (string.IsNullOrWhiteSpace(version.TableName))
        {
            throw new ValidationError("version.invalid-table", "A version needs the name of its table in the data store.");
        }

        ImmutableArray<ColumnSchema> columns = version.Columns.IsDefault ? [] : [.. version.Columns.OrderBy(column => column.Position)];
        var fieldNames = new HashSet<string>(StringComparer.Ordinal);
        var positions = new HashSet<int>();
        foreach (ColumnSchema column in columns)
        {
            if (!fieldNames.Add(column.FieldName))
            {
                throw new ValidationError("version.duplicate-column", $"Two columns are named '{column.FieldName}'.");
            }

            if (!positions.Add(column.Position))
            {
                throw new ValidationError("version.duplicate-position", $"Two columns have position {column.Position}.");
            }
        }

        if (version.RowIdentifier is string rowIdentifier && !fieldNames.Contains(rowIdentifier))
        {
            throw new ValidationError("version.unknown-row-identifier", $"The row identifier '{rowIdentifier}' is not one of the version's columns.");
        }

        return columns;
    }

    private sealed class CurrentVersionRow
    {
        public long? CurrentVersion { get; set; }
    }

    private sealed class VersionRow
    {
        public long Number { get; set; }

        public string TableName { get; set; } = "";

        public long RowCount { get; set; }

        public string CreatedAt { get; set; } = "";

        public string Mode { get; set; } = "";

        public string Source { get; set; } = "";
    }

    private sealed class ColumnRow
    {
        public long Number { get; set; }

        public long Position { get; set; }

        public long ColumnId { get; set; }

        public string FieldName { get; set; } = "";

        public string DisplayName { get; set; } = "";

        public string DataType { get; set; } = "";

        public string Description { get; set; } = "";

        public long Hidden { get; set; }

        public ColumnSchema ToColumnSchema() => new(
            ColumnId,
            FieldName,
            DisplayName,
            SodaTypeNames.TryParse(DataType, out SodaType type)
                ? type
                : throw new InvalidOperationException($"The catalog holds an unknown column type '{DataType}'."),
            checked((int)Position),
            Description,
            Hidden != 0);
    }
}
