using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;
using CivicData.Catalog.Sqlite;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;

namespace CivicData.Catalog.Tests.Sqlite;

/// <summary>
/// The SQLite store keeps search results until its next write. Each test first runs a search so that its result is
/// cached, then writes, then searches again: the second search must see the write.
/// </summary>
public sealed class SqliteSearchCacheTests(SqliteCatalogFixture fixture) : IClassFixture<SqliteCatalogFixture>
{
    private static readonly DatasetId s_inspections = DatasetId.Parse("insp-0001");
    private static readonly DatasetId s_salaries = DatasetId.Parse("sala-0002");

    private static readonly DatasetMetadata s_inspectionsMetadata = new()
    {
        Title = "Food inspections",
        Category = "Health",
        Department = "Public Health",
        Tags = ["food", "restaurants"],
    };

    private static readonly DatasetMetadata s_salariesMetadata = new()
    {
        Title = "Staff salaries",
        Category = "Finance",
        Department = "Human Resources",
        Tags = ["payroll"],
        Visibility = Visibility.Private,
    };

    private static CancellationToken None => CancellationToken.None;

    private static CatalogQuery Anonymous => new();

    private static CatalogQuery Insider => new() { IncludePrivate = true };

    [Fact]
    public async Task The_same_search_twice_without_a_write_is_answered_from_the_cache()
    {
        SqliteCatalogStore store = await StoreWithInspectionsAsync();

        CatalogSearchResult first = await store.SearchAsync(Anonymous, None);
        CatalogSearchResult second = await store.SearchAsync(new CatalogQuery { Text = "  " }, None);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_search_after_creating_a_dataset_lists_it()
    {
        SqliteCatalogStore store = await StoreWithInspectionsAsync();
        Assert.Equal(1, (await store.SearchAsync(Insider, None)).Total);

        await store.CreateDatasetAsync(s_salaries, s_salariesMetadata, None);

        CatalogSearchResult after = await store.SearchAsync(Insider, None);
        Assert.Equal(2, after.Total);
        Assert.Equal(["Food inspections", "Staff salaries"], after.Datasets.Select(dataset => dataset.Metadata.Title));
    }

    [Fact]
    public async Task A_search_after_changing_tags_and_category_counts_the_new_ones()
    {
        SqliteCatalogStore store = await StoreWithInspectionsAsync();
        CatalogSearchResult before = await store.SearchAsync(Anonymous, None);
        Assert.Equal([new FacetCount("Health", 1)], before.Categories);

        await store.UpdateMetadataAsync(s_inspections, s_inspectionsMetadata with { Category = "Transport", Tags = ["buses"] }, None);

        CatalogSearchResult after = await store.SearchAsync(Anonymous, None);
        Assert.Equal([new FacetCount("Transport", 1)], after.Categories);
        Assert.Equal([new FacetCount("buses", 1)], after.Tags);
    }

    [Fact]
    public async Task A_search_after_publishing_the_first_version_lists_the_dataset_to_anonymous_callers()
    {
        SqliteCatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_inspections, s_inspectionsMetadata, None);
        Assert.Equal(0, (await store.SearchAsync(Anonymous, None)).Total);

        await store.PublishVersionAsync(s_inspections, Version(1), None);

        CatalogSearchResult after = await store.SearchAsync(Anonymous, None);
        Assert.Equal(1, after.Total);
        Assert.Equal(1, after.Datasets.Single().CurrentVersion);
    }

    [Fact]
    public async Task A_search_after_deleting_a_version_is_counted_again()
    {
        // An old version changes nothing a search shows, so the test checks that the cached result was let go.
        SqliteCatalogStore store = await StoreWithInspectionsAsync();
        await store.PublishVersionAsync(s_inspections, Version(2), None);
        CatalogSearchResult before = await store.SearchAsync(Anonymous, None);

        await store.DeleteVersionAsync(s_inspections, 1, None);

        CatalogSearchResult after = await store.SearchAsync(Anonymous, None);
        Assert.NotSame(before, after);
        Assert.Equal(before.Total, after.Total);
    }

    [Fact]
    public async Task A_search_after_taking_the_next_version_number_is_counted_again()
    {
        SqliteCatalogStore store = await StoreWithInspectionsAsync();
        CatalogSearchResult before = await store.SearchAsync(Anonymous, None);

        await store.NextVersionNumberAsync(s_inspections, None);

        Assert.NotSame(before, await store.SearchAsync(Anonymous, None));
    }

    [Fact]
    public async Task A_search_after_migrating_is_counted_again()
    {
        SqliteCatalogStore store = await StoreWithInspectionsAsync();
        CatalogSearchResult before = await store.SearchAsync(Anonymous, None);

        await store.MigrateAsync(None);

        Assert.NotSame(before, await store.SearchAsync(Anonymous, None));
    }

    [Fact]
    public async Task A_dataset_made_private_leaves_anonymous_searches_at_once()
    {
        SqliteCatalogStore store = await StoreWithInspectionsAsync();
        CatalogQuery food = new() { Text = "food" };
        Assert.Equal(1, (await store.SearchAsync(Anonymous, None)).Total);
        Assert.Equal(1, (await store.SearchAsync(food, None)).Total);

        await store.UpdateMetadataAsync(s_inspections, s_inspectionsMetadata with { Visibility = Visibility.Private }, None);

        CatalogSearchResult all = await store.SearchAsync(Anonymous, None);
        Assert.Equal(0, all.Total);
        Assert.Empty(all.Datasets);
        Assert.Empty(all.Categories);
        Assert.Empty(all.Tags);
        Assert.Equal(0, (await store.SearchAsync(food, None)).Total);
    }

    [Fact]
    public async Task Two_different_searches_do_not_share_a_result()
    {
        SqliteCatalogStore store = await StoreWithInspectionsAsync();
        await store.CreateDatasetAsync(s_salaries, s_salariesMetadata with { Visibility = Visibility.Public }, None);
        await store.PublishVersionAsync(s_salaries, Version(1), None);

        CatalogSearchResult food = await store.SearchAsync(new CatalogQuery { Text = "food" }, None);
        CatalogSearchResult payroll = await store.SearchAsync(new CatalogQuery { Text = "payroll" }, None);
        CatalogSearchResult finance = await store.SearchAsync(new CatalogQuery { Category = "Finance" }, None);
        CatalogSearchResult secondPage = await store.SearchAsync(new CatalogQuery { Offset = 1 }, None);

        Assert.Equal(["Food inspections"], food.Datasets.Select(dataset => dataset.Metadata.Title));
        Assert.Equal(["Staff salaries"], payroll.Datasets.Select(dataset => dataset.Metadata.Title));
        Assert.Equal(["Staff salaries"], finance.Datasets.Select(dataset => dataset.Metadata.Title));
        Assert.Equal(["Staff salaries"], secondPage.Datasets.Select(dataset => dataset.Metadata.Title));
    }

    [Fact]
    public async Task An_anonymous_search_never_gets_a_result_cached_for_a_search_including_private_datasets()
    {
        SqliteCatalogStore store = await StoreWithInspectionsAsync();
        await store.CreateDatasetAsync(s_salaries, s_salariesMetadata, None);
        await store.PublishVersionAsync(s_salaries, Version(1), None);

        CatalogSearchResult insider = await store.SearchAsync(Insider, None);
        CatalogSearchResult anonymous = await store.SearchAsync(Anonymous, None);
        CatalogSearchResult insiderAgain = await store.SearchAsync(Insider, None);

        Assert.Equal(2, insider.Total);
        Assert.Equal(["Food inspections"], anonymous.Datasets.Select(dataset => dataset.Metadata.Title));
        Assert.Equal(1, anonymous.Total);
        Assert.DoesNotContain(anonymous.Tags, facet => facet.Value == "payroll");
        Assert.Equal(2, insiderAgain.Total);
    }

    [Fact]
    public async Task The_cache_holds_no_more_than_its_capacity()
    {
        SqliteCatalogStore store = await StoreWithInspectionsAsync();

        for (int offset = 0; offset < SearchResultCache.Capacity + 50; offset++)
        {
            await store.SearchAsync(new CatalogQuery { Offset = offset }, None);
            Assert.InRange(store.CachedSearchCount, 1, SearchResultCache.Capacity);
        }
    }

    private async Task<SqliteCatalogStore> NewStoreAsync() =>
        (SqliteCatalogStore)await fixture.CreateStoreAsync(TimeProvider.System);

    /// <summary>A store holding one public dataset, "Food inspections", with version 1 published.</summary>
    private async Task<SqliteCatalogStore> StoreWithInspectionsAsync()
    {
        SqliteCatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_inspections, s_inspectionsMetadata, None);
        await store.PublishVersionAsync(s_inspections, Version(1), None);
        return store;
    }

    private static NewVersion Version(int number) => new(
        number,
        $"table_v{number}_{Guid.NewGuid():N}",
        RowCount: 10,
        Mode: number == 1 ? "create" : "replace",
        Source: "data.csv",
        Columns: [new ColumnSchema(1, "name", "Name", SodaType.Text, 1)],
        RowIdentifier: null);
}
