using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CivicData.Catalog.Datasets;
using CivicData.Core;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;
using CivicData.Storage.Loading;

namespace CivicData.Ingest.Publishing;

/// <summary>
/// Row-by-row writes (SODA's producer API): the rows are staged as text, typed as the current version's columns and
/// merged into a new version table, which then becomes current, exactly as a file import does. A failed write leaves
/// the current version as it was.
/// </summary>
public sealed partial class DatasetPublisher
{
    private const string RowWriteSource = "API";

    /// <summary>One write (row changes or a file) at a time per dataset, so two writers never both build on the same version and lose one's rows.</summary>
    private readonly ConcurrentDictionary<DatasetId, SemaphoreSlim> _rowWriteGates = new();

    public async Task<RowChangeResult> ApplyRowChangesAsync(RowChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        SemaphoreSlim gate = _rowWriteGates.GetOrAdd(request.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await ApplyInTurnAsync(request, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<RowChangeResult> ApplyInTurnAsync(RowChangeRequest request, CancellationToken cancellationToken)
    {
        DatasetRecord? record = await catalog.FindDatasetAsync(request.Id, cancellationToken);
        DatasetVersion? previous = record?.CurrentVersion is int current ? await catalog.FindVersionAsync(request.Id, current, cancellationToken) : null;
        if (record is null || previous is null)
        {
            throw new NotFoundError("not_found", "Dataset not found");
        }

        ImmutableArray<ColumnSchema> columns = [.. previous.Columns.OrderBy(column => column.Position)];
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Length; i++)
        {
            indexes[columns[i].FieldName] = i;
        }

        CheckRows(request, indexes, record.RowIdentifier);
        int count = columns.Length;
        int key = record.RowIdentifier is { } field ? indexes[field] : -1;
        StagingTable staging = await store.StageRowsAsync(count + 3, (sink, _) =>
        {
            Stage(sink, request, indexes, key);
            return Task.CompletedTask;
        }, cancellationToken);

        string? table = null;
        try
        {
            int number = await catalog.NextVersionNumberAsync(request.Id, cancellationToken);
            table = TableNameFor(request.Id, number);
            ImmutableArray<TargetColumn> targets = [.. columns.Select((column, i) => new TargetColumn(column, new ColumnSource.Staged(i)))];
            LoadMode mode = request.Mode == RowChangeMode.Replace ? LoadMode.Replace : LoadMode.Changes;
            var plan = new VersionBuildPlan(staging, table, targets, mode, previous.ToTableSchema(), record.RowIdentifier, SkipBadRows: false, clock.GetUtcNow().UtcDateTime)
            {
                Changes = new RowChangeColumns(RowIdIndex: count, DeletedIndex: count + 1, PresentIndex: count + 2),
            };
            VersionBuildResult built = await store.BuildVersionAsync(plan, cancellationToken);
            if (!built.Built)
            {
                table = null;
                throw BadValuesError(built);
            }

            // Nothing to change (every row an error): the current version stays, rather than a copy of it.
            if (mode == LoadMode.Changes && built.Counts.ChangesNothing)
            {
                return new RowChangeResult(request.Id, previous.Number, previous.RowCount, built.Counts);
            }

            var version = new NewVersion(number, table, built.RowCount, request.Mode.ToString().ToLowerInvariant(), RowWriteSource, columns, record.RowIdentifier);
            await catalog.PublishVersionAsync(request.Id, version, cancellationToken);
            table = null;
            await PruneAsync(request.Id, cancellationToken);
            return new RowChangeResult(request.Id, number, built.RowCount, built.Counts);
        }
        finally
        {
            if (table is not null)
            {
                await store.DropTableAsync(table, CancellationToken.None);
            }

            await store.DropTableAsync(staging.TableName, CancellationToken.None);
        }
    }

    /// <summary>What can be told without the data: unknown fields, deletions that name no row, an <c>:id</c> named twice.</summary>
    private static void CheckRows(RowChangeRequest request, Dictionary<string, int> indexes, string? rowIdentifier)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < request.Rows.Count; i++)
        {
            RowChange row = request.Rows[i];
            int number = i + 1;
            foreach (string field in row.Values.Keys)
            {
                if (!indexes.ContainsKey(field))
                {
                    throw RowError("row.unknown-column", number, field,
                        $"Row {number} has the field '{field}', which is not a column of this dataset (columns: {string.Join(", ", indexes.Keys)}). Nothing was changed.");
                }
            }

            if (request.Mode == RowChangeMode.Replace)
            {
                continue;
            }

            string? id = rowIdentifier is null ? row.RowId?.Trim() : null;
            bool named = rowIdentifier is null ? !string.IsNullOrEmpty(id) : row.Values.TryGetValue(rowIdentifier, out string? value) && !string.IsNullOrWhiteSpace(value);
            if (row.Deleted && !named)
            {
                throw RowError("row.missing-identifier", number, rowIdentifier ?? SystemColumns.Id,
                    $"Row {number} is marked deleted but names no row: give its {rowIdentifier ?? SystemColumns.Id}. Nothing was changed.");
            }

            if (id is { Length: > 0 } && !ids.Add(id))
            {
                throw RowError("row.duplicate-identifier", number, SystemColumns.Id, $"Row {number} names the :id '{id}' a second time. Nothing was changed.");
            }
        }
    }

    /// <summary>Each row's values in column order, then its :id, its deletion flag and the mask of fields it supplied.</summary>
    private static void Stage(IStagingSink sink, RowChangeRequest request, Dictionary<string, int> indexes, int key)
    {
        int count = indexes.Count;
        string?[] values = new string?[count + 3];
        char[] present = new char[count];
        for (int i = 0; i < request.Rows.Count; i++)
        {
            RowChange row = request.Rows[i];
            if (row.Deleted && request.Mode == RowChangeMode.Replace)
            {
                continue;
            }

            Array.Clear(values);
            Array.Fill(present, '0');
            foreach ((string field, string? value) in row.Values)
            {
                int index = indexes[field];
                // A deletion needs only the row's identifier; its other fields are ignored, not checked.
                if (!row.Deleted || index == key)
                {
                    values[index] = value;
                    present[index] = '1';
                }
            }

            values[count] = row.RowId;
            values[count + 1] = row.Deleted ? "1" : null;
            values[count + 2] = new string(present);
            sink.AppendRow(i + 1, values);
        }
    }

    private static ValidationError RowError(string code, int row, string field, string message) =>
        new(code, message, new Dictionary<string, object?> { ["row"] = row, ["column"] = field });

    private static ValidationError BadValuesError(VersionBuildResult built)
    {
        var message = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{built.BadRowCount:N0} row(s) could not be written, so nothing was changed. ");
        foreach (BadRow bad in built.BadRows.Take(3))
        {
            message.Append(CultureInfo.InvariantCulture, $"Row {bad.Row}, field {bad.Column}: '{bad.Value}' is {bad.Reason}. ");
        }

        return new ValidationError("row.invalid-value", message.ToString().TrimEnd(), new Dictionary<string, object?>
        {
            ["badRowCount"] = built.BadRowCount,
            ["problems"] = built.BadRows.Select(bad => new Dictionary<string, object?>
            {
                ["row"] = bad.Row,
                ["column"] = bad.Column,
                ["value"] = bad.Value,
                ["reason"] = bad.Reason,
            }).ToList(),
        });
    }
}
