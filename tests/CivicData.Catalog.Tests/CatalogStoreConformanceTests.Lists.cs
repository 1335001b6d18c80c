using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;
using CivicData.Core.Datasets;

namespace CivicData.Catalog.Tests;

/// <summary>Search by lists of ids, categories and tags, and every sort order (what the Discovery API needs).</summary>
public abstract partial class CatalogStoreConformanceTests
{
    [Fact]
    public async Task Ids_filter_lists_only_those_datasets_and_never_a_private_one_to_anonymous_callers()
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Ids = [s_graffiti, s_buildings, s_salaries] }, None);
        CatalogSearchResult insider = await store.SearchAsync(new CatalogQuery { Ids = [s_graffiti, s_salaries], IncludePrivate = true }, None);
        CatalogSearchResult none = await store.SearchAsync(new CatalogQuery { Ids = [] }, None);

        Assert.Equal([Buildings, Graffiti], Titles(result));
        Assert.Equal(2, result.Total);
        Assert.Equal([Graffiti, Salaries], Titles(insider));
        Assert.Equal(0, none.Total);
    }

    [Fact]
    public async Task Categories_filter_matches_any_of_them_in_any_case()
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Categories = ["HEALTH", "housing", "Finance"] }, None);

        Assert.Equal([Buildings, Restaurants], Titles(result));
        Assert.Equal([new FacetCount("Health", 1), new FacetCount("Housing", 1)], result.Categories);
    }

    [Fact]
    public async Task Tags_filter_matches_datasets_with_any_of_them_and_the_facets_count_those()
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Tags = ["311", "CONSTRUCTION", "payroll"] }, None);
        CatalogSearchResult partial = await store.SearchAsync(new CatalogQuery { Tags = ["perm"] }, None);

        Assert.Equal([Buildings, Graffiti], Titles(result));
        Assert.Equal([new FacetCount("311", 1), new FacetCount("construction", 1), new FacetCount("permits", 1)], result.Tags);
        Assert.Equal(0, partial.Total);
    }

    [Fact]
    public async Task Lists_combine_with_words_and_with_each_other()
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(
            new CatalogQuery { Text = "permits", Tags = ["food", "construction"], Categories = ["Business", "Health"] },
            None);

        Assert.Equal([FoodTrucks], Titles(result));
    }

    [Theory]
    [InlineData(CatalogSort.Title, false, new[] { Buildings, FoodTrucks, Graffiti, Restaurants })]
    [InlineData(CatalogSort.Title, true, new[] { Restaurants, Graffiti, FoodTrucks, Buildings })]
    [InlineData(CatalogSort.Id, false, new[] { Buildings, FoodTrucks, Graffiti, Restaurants })] // bldg, food, graf, rest
    [InlineData(CatalogSort.Id, true, new[] { Restaurants, Graffiti, FoodTrucks, Buildings })]
    [InlineData(CatalogSort.Category, false, new[] { FoodTrucks, Graffiti, Restaurants, Buildings })] // Business, Environment, Health, Housing
    [InlineData(CatalogSort.Category, true, new[] { Buildings, Restaurants, Graffiti, FoodTrucks })]
    public async Task Searches_sort_by_the_field_asked_for(CatalogSort sort, bool descending, string[] expected)
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Sort = sort, Descending = descending }, None);

        Assert.Equal(expected, Titles(result));
    }

    [Fact]
    public async Task Datasets_without_a_category_sort_last_in_either_direction()
    {
        ICatalogStore store = await SeededStoreAsync();
        DatasetRecord graffiti = await store.FindDatasetAsync(s_graffiti, None) ?? throw new InvalidOperationException("Not seeded.");
        await store.UpdateMetadataAsync(s_graffiti, graffiti.Metadata with { Category = null }, None);

        CatalogSearchResult ascending = await store.SearchAsync(new CatalogQuery { Sort = CatalogSort.Category }, None);
        CatalogSearchResult descending = await store.SearchAsync(new CatalogQuery { Sort = CatalogSort.Category, Descending = true }, None);

        Assert.Equal([FoodTrucks, Restaurants, Buildings, Graffiti], Titles(ascending));
        Assert.Equal([Buildings, Restaurants, FoodTrucks, Graffiti], Titles(descending));
    }

    [Fact]
    public async Task Searches_sort_by_creation_and_by_the_latest_change()
    {
        ICatalogStore store = await NewStoreAsync();
        var first = DatasetId.Parse("frst-0001");
        var second = DatasetId.Parse("scnd-0002");
        var third = DatasetId.Parse("thrd-0003");
        foreach ((DatasetId id, string title) in new[] { (first, "Zebra crossings"), (second, "Alleys"), (third, "Moorings") })
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await store.CreateDatasetAsync(id, new DatasetMetadata { Title = title }, None);
            await store.PublishVersionAsync(id, new NewVersion(1, $"{id.Value.Replace('-', '_')}_v1", 1, "create", "d.csv", Columns(("name", "Name")), null), None);
        }

        // The oldest dataset's metadata changes last, the middle one's data after that: both count as an update.
        _clock.Advance(TimeSpan.FromMinutes(1));
        await store.UpdateMetadataAsync(first, new DatasetMetadata { Title = "Zebra crossings" }, None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await store.PublishVersionAsync(second, new NewVersion(2, "scnd_0002_v2", 1, "replace", "d.csv", Columns(("name", "Name")), null), None);

        CatalogSearchResult newest = await store.SearchAsync(new CatalogQuery { Sort = CatalogSort.CreatedAt, Descending = true }, None);
        CatalogSearchResult oldest = await store.SearchAsync(new CatalogQuery { Sort = CatalogSort.CreatedAt }, None);
        CatalogSearchResult updated = await store.SearchAsync(new CatalogQuery { Sort = CatalogSort.UpdatedAt, Descending = true }, None);

        Assert.Equal(["Moorings", "Alleys", "Zebra crossings"], Titles(newest));
        Assert.Equal(["Zebra crossings", "Alleys", "Moorings"], Titles(oldest));
        Assert.Equal(["Alleys", "Zebra crossings", "Moorings"], Titles(updated));
    }

    [Fact]
    public async Task Two_searches_differing_only_in_order_or_lists_do_not_share_a_result()
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult byTitle = await store.SearchAsync(new CatalogQuery { Sort = CatalogSort.Title }, None);
        CatalogSearchResult byTitleDescending = await store.SearchAsync(new CatalogQuery { Sort = CatalogSort.Title, Descending = true }, None);
        CatalogSearchResult health = await store.SearchAsync(new CatalogQuery { Categories = ["Health"] }, None);
        CatalogSearchResult housing = await store.SearchAsync(new CatalogQuery { Categories = ["Housing"] }, None);
        CatalogSearchResult tagged = await store.SearchAsync(new CatalogQuery { Tags = ["Health"] }, None);

        Assert.NotEqual(Titles(byTitle), Titles(byTitleDescending));
        Assert.Equal([Restaurants], Titles(health));
        Assert.Equal([Buildings], Titles(housing));
        Assert.Empty(Titles(tagged));
    }
}
