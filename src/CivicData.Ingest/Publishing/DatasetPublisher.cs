using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CivicData.Catalog;
using CivicData.Catalog.Datasets;
using CivicData.Core;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;
using CivicData.Ingest.Inference;
using CivicData.Ingest.Naming;
using CivicData.Ingest.Readers;
using CivicData.Storage;
using CivicData.Storage.Loading;

namespace CivicData.Ingest.Publishing;

/// <summary>
/// Publishes a file as a dataset version: stage the raw text, infer or apply types, build a new version table,
/// then switch the catalog's pointer in one transaction. Until that switch nothing visible changes, so a
/// failure at any step leaves the current version as it was.
/// </summary>
public sealed partial class DatasetPublisher(ICatalogStore catalog, IDataStore store, TimeProvider clock, StorageOptions options)
{
    public async Task<PublishResult> PublishAsync(PublishRequest request, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Id is not { } id)
        {
            return await PublishInTurnAsync(request, progress, cancellationToken);
        }

        // The same gate as the row writes: a file load and an API upsert on one dataset must not both build on one version.
        SemaphoreSlim gate = _rowWriteGates.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await PublishInTurnAsync(request, progress, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<PublishResult> PublishInTurnAsync(PublishRequest request, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (!File.Exists(request.Path))
        {
            throw new ValidationError("ingest.unreadable", $"No file at {request.Path}.");
        }

        string format = TabularReaderFactory.DetectFormat(request.Path, request.Format);
        DatasetRecord? existing = request.Id is { } requested ? await catalog.FindDatasetAsync(requested, cancellationToken) : null;
        CheckMode(request, existing);
        // Checked before any work, so bad metadata never costs a load (and never half-publishes).
        DatasetMetadata? newMetadata = existing is null ? NewMetadata(request) : MergeMetadata(existing.Metadata, request);
        if (newMetadata is not null)
        {
            DatasetMetadataValidator.Validate(newMetadata);
        }

        DatasetVersion? previous = existing?.CurrentVersion is { } current
            ? await catalog.FindVersionAsync(existing.Id, current, cancellationToken)
            : null;
        DatasetId id = existing?.Id ?? request.Id ?? DatasetId.NewRandom();

        progress?.Report($"Reading {Path.GetFileName(request.Path)} ({format})");
        (StagingTable staging, IReadOnlyList<SourceColumn> header) = await StageAsync(request, format, cancellationToken);
        string? table = null;
        try
        {
            progress?.Report($"Checking {staging.RowCount:N0} rows");
            IReadOnlyList<StagedColumnProfile> profiles = await store.ProfileAsync(staging, cancellationToken);
            ImmutableArray<TargetColumn> columns = PlanColumns(request, header, staging, profiles, previous);
            string? rowIdentifier = ResolveRowIdentifier(request, existing, columns);
            if (request.Mode == PublishMode.Upsert && rowIdentifier is null)
            {
                throw new ValidationError("ingest.upsert-needs-row-id", "An upsert needs a row identifier column: pass --row-id COLUMN.");
            }

            int number = existing is null ? 1 : await catalog.NextVersionNumberAsync(id, cancellationToken);
            table = TableNameFor(id, number);
            LoadMode mode = request.Mode switch
            {
                PublishMode.Append => LoadMode.Append,
                PublishMode.Upsert => LoadMode.Upsert,
                _ => LoadMode.Replace,
            };
            var plan = new VersionBuildPlan(staging, table, columns, mode, previous?.ToTableSchema(), rowIdentifier, request.SkipBadRows, clock.GetUtcNow().UtcDateTime);
            progress?.Report("Loading the new version");
            VersionBuildResult built = await store.BuildVersionAsync(plan, cancellationToken);
            if (!built.Built)
            {
                table = null;
                throw BadRowsError(built);
            }

            // A new dataset always has metadata; an existing one only when the request changes some.
            if (newMetadata is not null && existing is null)
            {
                await catalog.CreateDatasetAsync(id, newMetadata, cancellationToken);
            }
            else if (newMetadata is not null)
            {
                await catalog.UpdateMetadataAsync(id, newMetadata, cancellationToken);
            }

            var version = new NewVersion(number, table, built.RowCount, request.Mode.ToString().ToLowerInvariant(), Path.GetFileName(request.Path),
                columns.Select(c => c.Column).ToImmutableArray(), rowIdentifier);
            await catalog.PublishVersionAsync(id, version, cancellationToken);
            table = null;
            await PruneAsync(id, cancellationToken);
            progress?.Report($"Published {id} version {number}: {built.RowCount:N0} rows");
            return new PublishResult(id, number, built.RowCount, built.SkippedRows, built.BadRows);
        }
        finally
        {
            // A table that never became current is dropped; the staging table always is.
            if (table is not null)
            {
                await store.DropTableAsync(table, CancellationToken.None);
            }

            await store.DropTableAsync(staging.TableName, CancellationToken.None);
        }
    }

    /// <summary>Drops tables left by interrupted loads: staging tables and versions the catalog never pointed at.</summary>
    public async Task RemoveOrphansAsync(CancellationToken cancellationToken)
    {
        IReadOnlySet<string> known = await catalog.ListTableNamesAsync(cancellationToken);
        foreach (string table in await store.ListTablesAsync(cancellationToken))
        {
            if (!known.Contains(table) && (table.StartsWith("stage_", StringComparison.Ordinal) || table.StartsWith("ds_", StringComparison.Ordinal)))
            {
                await store.DropTableAsync(table, cancellationToken);
            }
        }
    }

    private static void CheckMode(PublishRequest request, DatasetRecord? existing)
    {
        if (existing is not null && request.Mode == PublishMode.Create)
        {
            throw new ConflictError("dataset.exists", $"Dataset {existing.Id} already exists; choose --mode replace, append or upsert.");
        }

        if (existing is null && request.Mode is PublishMode.Append or PublishMode.Upsert)
        {
            throw new NotFoundError("dataset.not-found", request.Id is { } id
                ? $"There is no dataset {id} to {request.Mode.ToString().ToLowerInvariant()} into."
                : $"--mode {request.Mode.ToString().ToLowerInvariant()} needs --id of an existing dataset.");
        }
    }

    private async Task<(StagingTable Staging, IReadOnlyList<SourceColumn> Header)> StageAsync(PublishRequest request, string format, CancellationToken cancellationToken)
    {
        var readOptions = new TabularReadOptions { Format = format, Encoding = request.Encoding, Sheet = request.Sheet };
        await using ITabularReader reader = await TabularReaderFactory.OpenAsync(request.Path, readOptions, cancellationToken);
        // The header comes from our reader so names are exactly as written, whichever path stages the rows.
        List<SourceColumn> header = [.. reader.Columns];
        int count = header.Count;
        if (count == 0)
        {
            throw new ValidationError("ingest.no-columns", "The file has no columns.");
        }

        // UTF-8 delimited text goes straight into DuckDB's own parallel CSV reader; everything else streams through ours.
        if (format is "csv" or "tsv" && request.Encoding is null)
        {
            await Utf8Validator.ValidateAsync(request.Path, cancellationToken);
            CsvDialect dialect = CsvSniffer.Sniff(request.Path);
            char delimiter = format == "tsv" ? '\t' : dialect.Delimiter;
            return (await store.StageDelimitedFileAsync(request.Path, delimiter, count, cancellationToken), header);
        }

        StagingTable staging = await store.StageRowsAsync(count, async (sink, ct) =>
        {
            string?[] row = new string?[count];
            while (await reader.ReadAsync(ct))
            {
                for (int i = 0; i < count; i++)
                {
                    row[i] = reader.GetValue(i);
                }

                sink.AppendRow(reader.RowNumber, row);
            }
        }, cancellationToken);
        return (staging, header);
    }

    private static ImmutableArray<TargetColumn> PlanColumns(PublishRequest request, IReadOnlyList<SourceColumn> source, StagingTable staging, IReadOnlyList<StagedColumnProfile> profiles, DatasetVersion? previous)
    {
        ImmutableArray<string> fields = FieldNameNormalizer.Normalize(source.Select(c => c.Name).ToList());
        var overrides = NormalizeOverrides(request.TypeOverrides, source, fields);

        if (request.Mode is PublishMode.Append or PublishMode.Upsert && previous is not null)
        {
            return PlanAgainstPrevious(fields, previous);
        }

        var types = new SodaType[staging.ColumnCount];
        bool[] verified = new bool[staging.ColumnCount];
        for (int i = 0; i < staging.ColumnCount; i++)
        {
            bool overridden = overrides.TryGetValue(fields[i], out SodaType chosen);
            types[i] = overridden ? chosen : TypeInference.Infer(profiles[i], source[i].TypeHint);
            verified[i] = !overridden && source[i].TypeHint is null && TypeInference.AllValuesConvert(profiles[i], types[i]);
        }

        long nextId = previous is null ? 1 : previous.Columns.Max(c => c.ColumnId) + 1;
        var columns = ImmutableArray.CreateBuilder<TargetColumn>();
        for (int i = 0; i < fields.Length; i++)
        {
            long columnId = previous?.ToTableSchema().FindColumn(fields[i])?.ColumnId ?? nextId++;
            var schema = new ColumnSchema(columnId, fields[i], FieldNameNormalizer.ToDisplayName(source[i].Name), types[i], i + 1);
            columns.Add(new TargetColumn(schema, new ColumnSource.Staged(i)) { KnownToConvert = verified[i] });
        }

        if (!types.Any(t => t is SodaType.Point or SodaType.Location) && CoordinatePair.Find(fields, types, profiles) is { } pair)
        {
            string name = UniqueName("location", fields);
            long columnId = previous?.ToTableSchema().FindColumn(name)?.ColumnId ?? nextId;
            var schema = new ColumnSchema(columnId, name, "Location", SodaType.Point, fields.Length + 1, "Point made from the latitude and longitude columns.");
            columns.Add(new TargetColumn(schema, new ColumnSource.LatitudeLongitude(pair.Latitude, pair.Longitude)));
        }

        return columns.ToImmutable();
    }

    /// <summary>Append and upsert keep the dataset's columns and types; the file may leave columns out but not add new ones.</summary>
    private static ImmutableArray<TargetColumn> PlanAgainstPrevious(ImmutableArray<string> fields, DatasetVersion previous)
    {
        TableSchema schema = previous.ToTableSchema();
        string[] unknown = fields.Where(f => schema.FindColumn(f) is null).ToArray();
        if (unknown.Length > 0)
        {
            throw new ValidationError("ingest.unknown-column",
                $"The file has columns the dataset does not: {string.Join(", ", unknown)}. Replace the dataset to change its columns.");
        }

        var latitude = fields.IndexOf("latitude");
        var longitude = fields.IndexOf("longitude");
        return previous.Columns.Select(column =>
        {
            int index = fields.IndexOf(column.FieldName);
            ColumnSource source = index >= 0
                ? new ColumnSource.Staged(index)
                : column.Type == SodaType.Point && latitude >= 0 && longitude >= 0
                    ? new ColumnSource.LatitudeLongitude(latitude, longitude)
                    : new ColumnSource.Missing();
            return new TargetColumn(column, source);
        }).ToImmutableArray();
    }

    private static Dictionary<string, SodaType> NormalizeOverrides(IReadOnlyDictionary<string, SodaType> overrides, IReadOnlyList<SourceColumn> source, ImmutableArray<string> fields)
    {
        var byField = new Dictionary<string, SodaType>(StringComparer.Ordinal);
        foreach ((string key, SodaType type) in overrides)
        {
            int index = fields.IndexOf(key);
            if (index < 0)
            {
                index = source.ToList().FindIndex(c => string.Equals(c.Name, key, StringComparison.OrdinalIgnoreCase));
            }

            if (index < 0)
            {
                throw new ValidationError("ingest.unknown-column", $"--types names '{key}', which is not a column of the file (columns: {string.Join(", ", fields)}).");
            }

            byField[fields[index]] = type;
        }

        return byField;
    }

    private static string? ResolveRowIdentifier(PublishRequest request, DatasetRecord? existing, ImmutableArray<TargetColumn> columns)
    {
        string? wanted = request.RowIdentifier ?? existing?.RowIdentifier;
        if (wanted is null)
        {
            return null;
        }

        string normalized = FieldNameNormalizer.Normalize([wanted])[0];
        TargetColumn? match = columns.FirstOrDefault(c => c.Column.FieldName == wanted || c.Column.FieldName == normalized);
        if (match is null)
        {
            throw new ValidationError("ingest.unknown-column", $"The row identifier '{wanted}' is not a column of the dataset.");
        }

        return match.Column.FieldName;
    }

    private static ValidationError BadRowsError(VersionBuildResult built)
    {
        var message = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{built.BadRowCount:N0} row(s) could not be loaded, so nothing was changed. ");
        foreach (BadRow bad in built.BadRows.Take(3))
        {
            message.Append(CultureInfo.InvariantCulture, $"Row {bad.Row}, column {bad.Column}: '{bad.Value}' is {bad.Reason}. ");
        }

        message.Append("Fix the file, pass --types to change a column's type, or --skip-bad-rows to load the rest.");
        return new ValidationError("ingest.bad-rows", message.ToString(), new Dictionary<string, object?>
        {
            ["badRowCount"] = built.BadRowCount,
            ["problems"] = built.BadRows,
        });
    }

    /// <summary>A new dataset's metadata: the request's values over an empty record.</summary>
    private static DatasetMetadata NewMetadata(PublishRequest request) =>
        Merge(new DatasetMetadata { Title = TitleFromFileName(request.Path) }, request);

    /// <summary>The dataset's metadata with the request's non-null values applied; null when nothing changes.</summary>
    private static DatasetMetadata? MergeMetadata(DatasetMetadata current, PublishRequest request)
    {
        DatasetMetadata merged = Merge(current, request);
        return merged == current ? null : merged;
    }

    private static DatasetMetadata Merge(DatasetMetadata current, PublishRequest request) => current with
    {
        Title = string.IsNullOrWhiteSpace(request.Title) ? current.Title : request.Title.Trim(),
        Description = request.Description ?? current.Description,
        Category = request.Category ?? current.Category,
        Department = request.Department ?? current.Department,
        Tags = Keep(request.Tags, current.Tags),
        License = request.License ?? current.License,
        LicenseUrl = request.LicenseUrl ?? current.LicenseUrl,
        Attribution = request.Attribution ?? current.Attribution,
        AttributionLink = request.AttributionLink ?? current.AttributionLink,
        ContactEmail = request.ContactEmail ?? current.ContactEmail,
        Visibility = request.Private is { } isPrivate ? (isPrivate ? Visibility.Private : Visibility.Public) : current.Visibility,
        Publisher = request.Publisher ?? current.Publisher,
        PublisherParent = request.PublisherParent ?? current.PublisherParent,
        ContactName = request.ContactName ?? current.ContactName,
        Temporal = request.Temporal ?? current.Temporal,
        Spatial = request.Spatial ?? current.Spatial,
        AccrualPeriodicity = request.AccrualPeriodicity ?? current.AccrualPeriodicity,
        LandingPage = request.LandingPage ?? current.LandingPage,
        Languages = Keep(request.Languages, current.Languages),
        Rights = request.Rights ?? current.Rights,
        BureauCodes = Keep(request.BureauCodes, current.BureauCodes),
        ProgramCodes = Keep(request.ProgramCodes, current.ProgramCodes),
        Themes = Keep(request.Themes, current.Themes),
        Issued = request.Issued ?? current.Issued,
        ConformsTo = request.ConformsTo ?? current.ConformsTo,
        DescribedBy = request.DescribedBy ?? current.DescribedBy,
        DescribedByType = request.DescribedByType ?? current.DescribedByType,
        References = Keep(request.References, current.References),
        DataQuality = request.DataQuality ?? current.DataQuality,
        SystemOfRecords = request.SystemOfRecords ?? current.SystemOfRecords,
        IsPartOf = request.IsPartOf ?? current.IsPartOf,
        PrimaryItInvestmentUii = request.PrimaryItInvestmentUii ?? current.PrimaryItInvestmentUii,
    };

    /// <summary>
    /// The current array when the request leaves it out or repeats it, so record equality (which compares arrays by
    /// reference) sees "no change".
    /// </summary>
    private static ImmutableArray<string> Keep(ImmutableArray<string>? requested, ImmutableArray<string> current) =>
        requested is { IsDefault: false } wanted && !wanted.SequenceEqual(current.IsDefault ? [] : current) ? wanted : current;

    private async Task PruneAsync(DatasetId id, CancellationToken cancellationToken)
    {
        IReadOnlyList<DatasetVersion> versions = await catalog.ListVersionsAsync(id, cancellationToken);
        foreach (DatasetVersion old in versions.Skip(options.VersionsToKeep))
        {
            await catalog.DeleteVersionAsync(id, old.Number, cancellationToken);
            await store.DropTableAsync(old.TableName, cancellationToken);
        }
    }

    /// <summary>Version tables are named by us: dataset, version and a random tail, so a retried load never meets a leftover.</summary>
    private static string TableNameFor(DatasetId id, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"ds_{id.Value.Replace('-', '_')}_v{number}_{Guid.NewGuid().ToString("N")[..6]}");

    private static string UniqueName(string name, ImmutableArray<string> taken)
    {
        string candidate = name;
        for (int n = 1; taken.Contains(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{name}_{n}");
        }

        return candidate;
    }

    private static string TitleFromFileName(string path)
    {
        string stem = Path.GetFileNameWithoutExtension(path).Replace('_', ' ').Replace('-', ' ').Trim();
        return stem.Length == 0 ? "Untitled dataset" : char.ToUpperInvariant(stem[0]) + stem[1..];
    }
}
