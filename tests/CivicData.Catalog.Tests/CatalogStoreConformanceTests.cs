using System.Collections.Immutable;
using CivicData.Catalog.Datasets;
using CivicData.Core;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;

namespace CivicData.Catalog.Tests;

/// <summary>
/// What every <see cref="ICatalogStore"/> must do, whatever the engine. A backend's test class only supplies the
/// fixture (see <c>Sqlite/SqliteCatalogStoreTests</c>).
/// </summary>
public abstract partial class CatalogStoreConformanceTests(ICatalogStoreFixture fixture)
{
    /// <summary>2024-05-01 12:30:00.1234567 UTC: sub-millisecond ticks that the store must cut to .123.</summary>
    private static readonly DateTimeOffset s_start = new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private static readonly DatasetId s_permits = DatasetId.Parse("prmt-2024");
    private static readonly DatasetId s_inspections = DatasetId.Parse("insp-3333");
    private static readonly DatasetId s_missing = DatasetId.Parse("nope-9999");

    private readonly ManualTimeProvider _clock = new(s_start);

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Finding_an_unknown_dataset_gives_null()
    {
        ICatalogStore store = await NewStoreAsync();

        Assert.Null(await store.FindDatasetAsync(s_missing, None));
    }

    [Fact]
    public async Task A_created_dataset_reads_back_with_every_field()
    {
        ICatalogStore store = await NewStoreAsync();
        var metadata = new DatasetMetadata
        {
            Title = "Building permits",
            Description = "Every permit issued since 2010.\nUpdated nightly.",
            Category = "Housing",
            Department = "Buildings",
            Tags = ["permits", "construction", "élan"],
            License = "Public Domain",
            LicenseUrl = "https://creativecommons.org/publicdomain/zero/1.0/",
            Attribution = "Department of Buildings",
            AttributionLink = "https://example.gov/buildings",
            ContactEmail = "open-data@example.gov",
            Visibility = Visibility.Private,
        };

        DatasetRecord created = await store.CreateDatasetAsync(s_permits, metadata, None);
        DatasetRecord? found = await store.FindDatasetAsync(s_permits, None);

        var expectedTime = new DateTimeOffset(2024, 5, 1, 12, 30, 0, 123, TimeSpan.Zero);
        foreach (DatasetRecord record in new[] { created, found! })
        {
            Assert.Equal(s_permits, record.Id);
            Assert.Equal("Building permits", record.Metadata.Title);
            Assert.Equal("Every permit issued since 2010.\nUpdated nightly.", record.Metadata.Description);
            Assert.Equal("Housing", record.Metadata.Category);
            Assert.Equal("Buildings", record.Metadata.Department);
            Assert.Equal(["permits", "construction", "élan"], record.Metadata.Tags.ToArray());
            Assert.Equal("Public Domain", record.Metadata.License);
            Assert.Equal("https://creativecommons.org/publicdomain/zero/1.0/", record.Metadata.LicenseUrl);
            Assert.Equal("Department of Buildings", record.Metadata.Attribution);
            Assert.Equal("https://example.gov/buildings", record.Metadata.AttributionLink);
            Assert.Equal("open-data@example.gov", record.Metadata.ContactEmail);
            Assert.Equal(Visibility.Private, record.Metadata.Visibility);
            Assert.Equal(expectedTime, record.CreatedAt);
            Assert.Equal(expectedTime, record.MetadataUpdatedAt);
            Assert.Equal(TimeSpan.Zero, record.CreatedAt.Offset);
            Assert.Null(record.DataUpdatedAt);
            Assert.Null(record.CurrentVersion);
            Assert.Null(record.RowIdentifier);
        }
    }

    [Fact]
    public async Task A_dataset_with_only_a_title_reads_back_with_empty_tags_and_missing_fields()
    {
        ICatalogStore store = await NewStoreAsync();

        DatasetRecord created = await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Bare", Tags = default }, None);
        DatasetRecord found = (await store.FindDatasetAsync(s_permits, None))!;

        foreach (DatasetRecord record in new[] { created, found })
        {
            Assert.Equal("Bare", record.Metadata.Title);
            Assert.Equal("", record.Metadata.Description);
            Assert.Null(record.Metadata.Category);
            Assert.Null(record.Metadata.Department);
            Assert.False(record.Metadata.Tags.IsDefault);
            Assert.Empty(record.Metadata.Tags);
            Assert.Null(record.Metadata.License);
            Assert.Null(record.Metadata.ContactEmail);
            Assert.Equal(Visibility.Public, record.Metadata.Visibility);
        }
    }

    [Fact]
    public async Task Creating_a_dataset_whose_id_exists_is_a_conflict()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "First" }, None);

        ConflictError error = await Assert.ThrowsAsync<ConflictError>(
            () => store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Second" }, None));

        Assert.Equal("dataset.exists", error.Code);
        Assert.Equal("First", (await store.FindDatasetAsync(s_permits, None))!.Metadata.Title);
    }

    [Fact]
    public async Task Updating_metadata_replaces_every_field_and_stamps_only_the_update_time()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata
        {
            Title = "Old title",
            Description = "Old description",
            Category = "Old category",
            Department = "Old department",
            Tags = ["old"],
            License = "Old licence",
            LicenseUrl = "https://old.example",
            Attribution = "Old attribution",
            AttributionLink = "https://old.example/attribution",
            ContactEmail = "old@example.gov",
            Visibility = Visibility.Public,
        }, None);
        _clock.Advance(TimeSpan.FromMinutes(5));

        DatasetRecord updated = await store.UpdateMetadataAsync(s_permits, new DatasetMetadata
        {
            Title = "New title",
            Tags = ["new", "newer"],
            Visibility = Visibility.Private,
        }, None);
        DatasetRecord found = (await store.FindDatasetAsync(s_permits, None))!;

        foreach (DatasetRecord record in new[] { updated, found })
        {
            Assert.Equal("New title", record.Metadata.Title);
            Assert.Equal("", record.Metadata.Description);
            Assert.Null(record.Metadata.Category);
            Assert.Null(record.Metadata.Department);
            Assert.Equal(["new", "newer"], record.Metadata.Tags.ToArray());
            Assert.Null(record.Metadata.License);
            Assert.Null(record.Metadata.LicenseUrl);
            Assert.Null(record.Metadata.Attribution);
            Assert.Null(record.Metadata.AttributionLink);
            Assert.Null(record.Metadata.ContactEmail);
            Assert.Equal(Visibility.Private, record.Metadata.Visibility);
            Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 30, 0, 123, TimeSpan.Zero), record.CreatedAt);
            Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 35, 0, 123, TimeSpan.Zero), record.MetadataUpdatedAt);
            Assert.Null(record.DataUpdatedAt);
        }
    }

    [Fact]
    public async Task Updating_an_unknown_dataset_is_not_found()
    {
        ICatalogStore store = await NewStoreAsync();

        NotFoundError error = await Assert.ThrowsAsync<NotFoundError>(
            () => store.UpdateMetadataAsync(s_missing, new DatasetMetadata { Title = "x" }, None));

        Assert.Equal("dataset.not-found", error.Code);
    }

    [Fact]
    public async Task Counting_datasets_counts_private_and_unpublished_ones_too()
    {
        ICatalogStore store = await NewStoreAsync();
        Assert.Equal(0, await store.CountDatasetsAsync(None));

        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "A" }, None);
        await store.CreateDatasetAsync(s_inspections, new DatasetMetadata { Title = "B", Visibility = Visibility.Private }, None);

        Assert.Equal(2, await store.CountDatasetsAsync(None));
    }

    [Fact]
    public async Task Publishing_makes_the_version_current_with_its_columns_in_position_order()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Permits" }, None);
        _clock.Advance(TimeSpan.FromHours(1));
        int number = await store.NextVersionNumberAsync(s_permits, None);

        // Columns handed over out of order: the store keeps them by position.
        DatasetVersion published = await store.PublishVersionAsync(s_permits, new NewVersion(
            number,
            "ds_prmt_2024_v1",
            RowCount: 1234,
            Mode: "create",
            Source: "permits.csv",
            Columns:
            [
                new ColumnSchema(12, "issued_on", "Issued on", SodaType.FloatingTimestamp, 3, "Date issued", Hidden: false),
                new ColumnSchema(10, "permit_no", "Permit #", SodaType.Text, 1),
                new ColumnSchema(11, "fee", "Fee", SodaType.Money, 2, "", Hidden: true),
            ],
            RowIdentifier: "permit_no"), None);
        DatasetVersion found = (await store.FindVersionAsync(s_permits, 1, None))!;
        DatasetRecord dataset = (await store.FindDatasetAsync(s_permits, None))!;

        var publishedAt = new DateTimeOffset(2024, 5, 1, 13, 30, 0, 123, TimeSpan.Zero);
        foreach (DatasetVersion version in new[] { published, found })
        {
            Assert.Equal(s_permits, version.DatasetId);
            Assert.Equal(1, version.Number);
            Assert.Equal("ds_prmt_2024_v1", version.TableName);
            Assert.Equal(1234, version.RowCount);
            Assert.Equal(publishedAt, version.CreatedAt);
            Assert.Equal("create", version.Mode);
            Assert.Equal("permits.csv", version.Source);
            Assert.Equal(
                [
                    new ColumnSchema(10, "permit_no", "Permit #", SodaType.Text, 1, "", false),
                    new ColumnSchema(11, "fee", "Fee", SodaType.Money, 2, "", true),
                    new ColumnSchema(12, "issued_on", "Issued on", SodaType.FloatingTimestamp, 3, "Date issued", false),
                ],
                version.Columns.ToArray());
        }

        Assert.Equal(1, dataset.CurrentVersion);
        Assert.Equal("permit_no", dataset.RowIdentifier);
        Assert.Equal(publishedAt, dataset.DataUpdatedAt);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 30, 0, 123, TimeSpan.Zero), dataset.MetadataUpdatedAt);
    }

    [Fact]
    public async Task Every_soda_type_survives_the_round_trip()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Types" }, None);
        ImmutableArray<ColumnSchema> columns = [.. Enum.GetValues<SodaType>().Select((type, i) => new ColumnSchema(100 + i, $"c{i}", $"C {i}", type, i + 1))];

        await store.PublishVersionAsync(s_permits, new NewVersion(1, "t1", 0, "create", "types.csv", columns, null), None);

        Assert.Equal(columns.ToArray(), (await store.FindVersionAsync(s_permits, 1, None))!.Columns.ToArray());
    }

    [Fact]
    public async Task A_new_version_replaces_the_current_one_and_its_row_identifier()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Permits" }, None);
        await store.PublishVersionAsync(s_permits, KeyedVersion(1, "permit_no", "permit_no"), None);

        await store.PublishVersionAsync(s_permits, Version(2, "permit_no"), None);
        DatasetRecord dataset = (await store.FindDatasetAsync(s_permits, None))!;

        Assert.Equal(2, dataset.CurrentVersion);
        Assert.Null(dataset.RowIdentifier);
    }

    [Fact]
    public async Task Publishing_to_an_unknown_dataset_is_not_found()
    {
        ICatalogStore store = await NewStoreAsync();

        NotFoundError error = await Assert.ThrowsAsync<NotFoundError>(
            () => store.PublishVersionAsync(s_missing, Version(1), None));

        Assert.Equal("dataset.not-found", error.Code);
        Assert.Empty(await store.ListTableNamesAsync(None));
    }

    [Fact]
    public async Task Publishing_a_used_version_number_is_a_conflict_and_changes_nothing()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Permits" }, None);
        await store.PublishVersionAsync(s_permits, Version(1, "a"), None);
        await store.PublishVersionAsync(s_permits, Version(2, "b"), None);

        ConflictError error = await Assert.ThrowsAsync<ConflictError>(
            () => store.PublishVersionAsync(s_permits, Version(1, "c") with { TableName = "other_table" }, None));

        Assert.Equal("version.exists", error.Code);
        Assert.Equal(2, (await store.FindDatasetAsync(s_permits, None))!.CurrentVersion);
        Assert.Equal("a", Assert.Single((await store.FindVersionAsync(s_permits, 1, None))!.Columns).FieldName);
        Assert.DoesNotContain("other_table", await store.ListTableNamesAsync(None));
    }

    [Fact]
    public async Task Publishing_a_table_name_another_version_uses_is_a_conflict()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Permits" }, None);
        await store.PublishVersionAsync(s_permits, Version(1) with { TableName = "shared" }, None);

        ConflictError error = await Assert.ThrowsAsync<ConflictError>(
            () => store.PublishVersionAsync(s_permits, Version(2) with { TableName = "shared" }, None));

        Assert.Equal("version.table-in-use", error.Code);
        Assert.Equal(1, (await store.FindDatasetAsync(s_permits, None))!.CurrentVersion);
    }

    [Fact]
    public async Task Publishing_a_row_identifier_that_is_not_a_column_is_rejected()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Permits" }, None);

        ValidationError error = await Assert.ThrowsAsync<ValidationError>(
            () => store.PublishVersionAsync(s_permits, Version(1, "a") with { RowIdentifier = "b" }, None));

        Assert.Equal("version.unknown-row-identifier", error.Code);
        Assert.Null((await store.FindDatasetAsync(s_permits, None))!.CurrentVersion);
    }

    [Fact]
    public async Task Version_numbers_start_at_one_and_count_up()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Permits" }, None);
        await store.CreateDatasetAsync(s_inspections, new DatasetMetadata { Title = "Inspections" }, None);

        Assert.Equal(1, await store.NextVersionNumberAsync(s_permits, None));
        await store.PublishVersionAsync(s_permits, Version(1), None);
        Assert.Equal(2, await store.NextVersionNumberAsync(s_permits, None));
        Assert.Equal(1, await store.NextVersionNumberAsync(s_inspections, None));
    }

    [Fact]
    public async Task Version_numbers_are_never_reused_after_an_abandoned_load_or_a_delete()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Permits" }, None);

        Assert.Equal(1, await store.NextVersionNumberAsync(s_permits, None));
        Assert.Equal(2, await store.NextVersionNumberAsync(s_permits, None)); // the load for 1 failed
        await store.PublishVersionAsync(s_permits, Version(2), None);
        Assert.Equal(3, await store.NextVersionNumberAsync(s_permits, None));
        await store.PublishVersionAsync(s_permits, Version(3), None);
        await store.DeleteVersionAsync(s_permits, 2, None);

        Assert.Equal(4, await store.NextVersionNumberAsync(s_permits, None));
    }

    [Fact]
    public async Task Version_numbers_continue_past_a_number_published_without_asking()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Permits" }, None);

        await store.PublishVersionAsync(s_permits, Version(7), None);

        Assert.Equal(8, await store.NextVersionNumberAsync(s_permits, None));
    }

    [Fact]
    public async Task Concurrent_loaders_never_get_the_same_version_number()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Permits" }, None);

        int[] numbers = await Task.WhenAll(Enumerable.Range(0, 24)
            .Select(_ => Task.Run(() => store.NextVersionNumberAsync(s_permits, None))));

        Assert.Equal(Enumerable.Range(1, 24), numbers.Order());
    }

    [Fact]
    public async Task Asking_a_version_number_for_an_unknown_dataset_is_not_found()
    {
        ICatalogStore store = await NewStoreAsync();

        NotFoundError error = await Assert.ThrowsAsync<NotFoundError>(() => store.NextVersionNumberAsync(s_missing, None));

        Assert.Equal("dataset.not-found", error.Code);
    }

    [Fact]
    public async Task Versions_are_listed_newest_first()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Permits" }, None);
        await store.PublishVersionAsync(s_permits, Version(1, "a"), None);
        await store.PublishVersionAsync(s_permits, Version(2, "a", "b"), None);
        await store.PublishVersionAsync(s_permits, Version(3, "c"), None);

        IReadOnlyList<DatasetVersion> versions = await store.ListVersionsAsync(s_permits, None);

        Assert.Equal([3, 2, 1], versions.Select(version => version.Number));
        Assert.Equal(["c"], versions[0].Columns.Select(column => column.FieldName));
        Assert.Equal(["a", "b"], versions[1].Columns.Select(column => column.FieldName));
        Assert.Equal(["a"], versions[2].Columns.Select(column => column.FieldName));
        Assert.Empty(await store.ListVersionsAsync(s_missing, None));
    }

    [Fact]
    public async Task Finding_a_version_that_does_not_exist_gives_null()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Permits" }, None);
        await store.PublishVersionAsync(s_permits, Version(1), None);

        Assert.Null(await store.FindVersionAsync(s_permits, 2, None));
        Assert.Null(await store.FindVersionAsync(s_missing, 1, None));
    }

    [Fact]
    public async Task Deleting_an_old_version_forgets_it_its_columns_and_its_table()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Permits" }, None);
        await store.PublishVersionAsync(s_permits, Version(1) with { TableName = "t_v1" }, None);
        await store.PublishVersionAsync(s_permits, Version(2) with { TableName = "t_v2" }, None);

        await store.DeleteVersionAsync(s_permits, 1, None);

        Assert.Null(await store.FindVersionAsync(s_permits, 1, None));
        Assert.Equal([2], (await store.ListVersionsAsync(s_permits, None)).Select(version => version.Number));
        Assert.Equal(new HashSet<string> { "t_v2" }, await store.ListTableNamesAsync(None));
        Assert.Equal(2, (await store.FindDatasetAsync(s_permits, None))!.CurrentVersion);

        // Its number stays taken, so a version 1 could be published again only by asking for it explicitly.
        Assert.Equal(3, await store.NextVersionNumberAsync(s_permits, None));
    }

    [Fact]
    public async Task Deleting_the_current_version_is_refused()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Permits" }, None);
        await store.PublishVersionAsync(s_permits, Version(1), None);

        ConflictError error = await Assert.ThrowsAsync<ConflictError>(() => store.DeleteVersionAsync(s_permits, 1, None));

        Assert.Equal("version.current", error.Code);
        Assert.NotNull(await store.FindVersionAsync(s_permits, 1, None));
    }

    [Fact]
    public async Task Deleting_a_version_that_does_not_exist_is_not_found()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Permits" }, None);

        NotFoundError noVersion = await Assert.ThrowsAsync<NotFoundError>(() => store.DeleteVersionAsync(s_permits, 1, None));
        NotFoundError noDataset = await Assert.ThrowsAsync<NotFoundError>(() => store.DeleteVersionAsync(s_missing, 1, None));

        Assert.Equal("version.not-found", noVersion.Code);
        Assert.Equal("dataset.not-found", noDataset.Code);
    }

    [Fact]
    public async Task Table_names_of_every_version_of_every_dataset_are_listed()
    {
        ICatalogStore store = await NewStoreAsync();
        Assert.Empty(await store.ListTableNamesAsync(None));
        await store.CreateDatasetAsync(s_permits, new DatasetMetadata { Title = "Permits" }, None);
        await store.CreateDatasetAsync(s_inspections, new DatasetMetadata { Title = "Inspections" }, None);
        await store.PublishVersionAsync(s_permits, Version(1) with { TableName = "permits_v1" }, None);
        await store.PublishVersionAsync(s_permits, Version(2) with { TableName = "permits_v2" }, None);
        await store.PublishVersionAsync(s_inspections, Version(1) with { TableName = "inspections_v1" }, None);

        IReadOnlySet<string> names = await store.ListTableNamesAsync(None);

        Assert.True(names.SetEquals(["permits_v1", "permits_v2", "inspections_v1"]));
    }

    protected async Task<ICatalogStore> NewStoreAsync() => await fixture.CreateStoreAsync(_clock);

    /// <summary>A version whose table name is made from the number, with text columns named by <paramref name="fieldNames"/>.</summary>
    private static NewVersion Version(int number, params string[] fieldNames) => KeyedVersion(number, null, fieldNames);

    private static NewVersion KeyedVersion(int number, string? rowIdentifier, params string[] fieldNames) => new(
        number,
        $"table_v{number}_{Guid.NewGuid():N}",
        RowCount: 10,
        Mode: number == 1 ? "create" : "replace",
        Source: "data.csv",
        Columns: [.. fieldNames.Select((name, i) => new ColumnSchema(i + 1, name, name, SodaType.Text, i + 1))],
        RowIdentifier: rowIdentifier);
}
