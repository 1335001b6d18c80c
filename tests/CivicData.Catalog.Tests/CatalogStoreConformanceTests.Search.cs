using System.Collections.Immutable;
using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;
using CivicData.Core;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;

namespace CivicData.Catalog.Tests;

/// <summary>Catalog search over six datasets: four public and published, one private, one never loaded.</summary>
public abstract partial class CatalogStoreConformanceTests
{
    private const string Restaurants = "Restaurant inspections";
    private const string FoodTrucks = "Food truck permits";
    private const string Buildings = "Building permits";
    private const string Graffiti = "Graffiti removal requests";
    private const string Salaries = "Staff salaries";
    private const string Draft = "Draft food safety";

    private static readonly DatasetId s_restaurants = DatasetId.Parse("rest-0001");
    private static readonly DatasetId s_buildings = DatasetId.Parse("bldg-0003");
    private static readonly DatasetId s_graffiti = DatasetId.Parse("graf-0004");
    private static readonly DatasetId s_salaries = DatasetId.Parse("priv-0005");

    [Fact]
    public async Task Search_without_words_lists_public_published_datasets_by_title()
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery(), None);

        Assert.Equal([Buildings, FoodTrucks, Graffiti, Restaurants], Titles(result));
        Assert.Equal(4, result.Total);
    }

    [Fact]
    public async Task Search_including_private_also_lists_private_and_unpublished_datasets()
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { IncludePrivate = true }, None);

        Assert.Equal([Buildings, Draft, FoodTrucks, Graffiti, Restaurants, Salaries], Titles(result));
        Assert.Equal(6, result.Total);
    }

    [Theory]
    [InlineData("salaries")]
    [InlineData("payroll")]
    [InlineData("draft")]
    [InlineData("safety")]
    public async Task Private_and_unpublished_datasets_are_found_only_when_private_ones_are_included(string text)
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult anonymous = await store.SearchAsync(new CatalogQuery { Text = text }, None);
        CatalogSearchResult insider = await store.SearchAsync(new CatalogQuery { Text = text, IncludePrivate = true }, None);

        Assert.Empty(anonymous.Datasets);
        Assert.Equal(0, anonymous.Total);
        Assert.Single(insider.Datasets);
        Assert.Equal(1, insider.Total);
    }

    [Fact]
    public async Task Search_needs_every_word_to_match()
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Text = "food permits" }, None);

        Assert.Equal([FoodTrucks], Titles(result));
        Assert.Equal(1, result.Total);
    }

    [Theory]
    [InlineData("inspect", new[] { Restaurants })]
    [InlineData("permit", new[] { Buildings, FoodTrucks })]
    [InlineData("graf rem", new[] { Graffiti })]
    public async Task Search_matches_the_start_of_words(string text, string[] expected)
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Text = text }, None);

        Assert.Equal(expected, Titles(result).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("construction", Buildings)] // a tag
    [InlineData("environment", Graffiti)] // the category
    [InlineData("licensing", FoodTrucks)] // the department
    [InlineData("date", Restaurants)] // a column: field name inspection_date, display name "Inspection Date"
    [InlineData("street", Buildings)] // a column's display name only
    [InlineData("RESTAURANT", Restaurants)] // any case
    [InlineData("cafe", Restaurants)] // without the accent of "cafés"
    public async Task Search_looks_in_tags_category_department_and_column_names(string text, string expected)
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Text = text }, None);

        Assert.Equal([expected], Titles(result));
    }

    [Fact]
    public async Task Search_never_finds_a_dataset_by_a_hidden_column_name()
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Text = "badge", IncludePrivate = true }, None);

        Assert.Empty(result.Datasets);
    }

    [Fact]
    public async Task Search_with_words_ranks_by_relevance_not_by_title()
    {
        ICatalogStore store = await SeededStoreAsync();

        // "health" is the restaurants' category, department and description; only in the graffiti description.
        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Text = "health" }, None);

        Assert.Equal([Restaurants, Graffiti], Titles(result));
    }

    [Theory]
    [InlineData("permits OR graffiti", 0)] // OR is a word to find, not an operator
    [InlineData("permits NOT building", 0)]
    [InlineData("NEAR(food permits)", 0)]
    [InlineData("title:graffiti", 0)] // not a column filter: "title" must match too
    [InlineData("\"permits\"", 2)]
    [InlineData("permits*", 2)]
    [InlineData("(permits)", 2)]
    [InlineData("-graffiti", 1)]
    [InlineData("^graffiti", 1)]
    [InlineData("{title description}: graffiti", 0)]
    [InlineData("graffiti\"", 1)]
    [InlineData("perm\"its", 0)] // "perm" and "its" are both needed
    public async Task Search_text_is_never_read_as_full_text_syntax(string text, int expectedTotal)
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Text = text }, None);

        Assert.Equal(expectedTotal, result.Total);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"\"")]
    [InlineData("*")]
    [InlineData("**")]
    [InlineData("NEAR")]
    [InlineData("OR")]
    [InlineData("AND")]
    [InlineData("NOT")]
    [InlineData("-")]
    [InlineData("(")]
    [InlineData(")")]
    [InlineData("()")]
    [InlineData("a OR")]
    [InlineData("NEAR(")]
    [InlineData(":")]
    [InlineData("+")]
    [InlineData("'; DROP TABLE datasets; --")]
    [InlineData("\" OR 1=1 --")]
    [InlineData("\0")]
    [InlineData("\uD800")] // a lone surrogate
    [InlineData("😀 🏠")]
    [InlineData("\u0301")] // a combining accent on nothing
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public async Task Hostile_search_text_neither_throws_nor_harms_the_catalog(string text)
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Text = text, IncludePrivate = true }, None);

        Assert.InRange(result.Total, 0, 6);
        Assert.Equal(6, await store.CountDatasetsAsync(None));
    }

    [Fact]
    public async Task Very_long_search_text_neither_throws_nor_matches()
    {
        ICatalogStore store = await SeededStoreAsync();
        string text = string.Join(' ', Enumerable.Repeat(new string('a', 10_000), 50));

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Text = text }, None);

        Assert.Equal(0, result.Total);
    }

    [Fact]
    public async Task Facet_counts_cover_every_match_not_just_the_page()
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Text = "food", Limit = 1 }, None);

        Assert.Single(result.Datasets);
        Assert.Equal(2, result.Total);
        Assert.Equal([new FacetCount("Business", 1), new FacetCount("Health", 1)], result.Categories);
        Assert.Equal([new FacetCount("Licensing", 1), new FacetCount("Public Health", 1)], result.Departments);
        Assert.Equal([new FacetCount("food", 2), new FacetCount("inspections", 1), new FacetCount("permits", 1)], result.Tags);
    }

    [Fact]
    public async Task Facets_are_sorted_by_count_then_value_and_include_private_matches_when_asked()
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Text = "food", IncludePrivate = true, Limit = 2 }, None);

        Assert.Equal(4, result.Total);
        Assert.Equal(
            [new FacetCount("Health", 2), new FacetCount("Business", 1), new FacetCount("Finance", 1)],
            result.Categories);
        Assert.Equal(
            [new FacetCount("Public Health", 2), new FacetCount("Human Resources", 1), new FacetCount("Licensing", 1)],
            result.Departments);
        Assert.Equal(
            [new FacetCount("food", 4), new FacetCount("inspections", 1), new FacetCount("payroll", 1), new FacetCount("permits", 1)],
            result.Tags);
    }

    [Fact]
    public async Task Facets_without_words_count_every_public_dataset()
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Limit = 1 }, None);

        Assert.Equal(
            [new FacetCount("Business", 1), new FacetCount("Environment", 1), new FacetCount("Health", 1), new FacetCount("Housing", 1)],
            result.Categories);
        Assert.Equal(
            [
                new FacetCount("food", 2), new FacetCount("permits", 2), new FacetCount("311", 1),
                new FacetCount("construction", 1), new FacetCount("inspections", 1),
            ],
            result.Tags);
    }

    [Theory]
    [InlineData("health", null, null, new[] { Restaurants })]
    [InlineData(null, "public works", null, new[] { Graffiti })]
    [InlineData(null, null, "PERMITS", new[] { Buildings, FoodTrucks })]
    [InlineData("Housing", "Buildings", "permits", new[] { Buildings })]
    [InlineData("Housing", "Licensing", null, new string[0])]
    [InlineData(null, null, "perm", new string[0])] // a tag filter is exact, not a prefix
    public async Task Filters_match_category_department_and_tag_exactly_in_any_case(string? category, string? department, string? tag, string[] expected)
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Category = category, Department = department, Tag = tag }, None);

        Assert.Equal(expected, Titles(result));
        Assert.Equal(expected.Length, result.Total);
    }

    [Fact]
    public async Task Filters_and_words_combine()
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Text = "permits", Tag = "food" }, None);

        Assert.Equal([FoodTrucks], Titles(result));
        Assert.Equal([new FacetCount("food", 1), new FacetCount("permits", 1)], result.Tags);
    }

    [Fact]
    public async Task Pages_are_disjoint_and_the_total_is_exact()
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult first = await store.SearchAsync(new CatalogQuery { Limit = 3 }, None);
        CatalogSearchResult second = await store.SearchAsync(new CatalogQuery { Limit = 3, Offset = 3 }, None);
        CatalogSearchResult beyond = await store.SearchAsync(new CatalogQuery { Limit = 3, Offset = 10 }, None);

        Assert.Equal([Buildings, FoodTrucks, Graffiti], Titles(first));
        Assert.Equal([Restaurants], Titles(second));
        Assert.Empty(beyond.Datasets);
        Assert.Equal([4, 4, 4], new[] { first.Total, second.Total, beyond.Total });
    }

    [Theory]
    [InlineData(0, 0, "search.invalid-limit")]
    [InlineData(1001, 0, "search.invalid-limit")]
    [InlineData(-1, 0, "search.invalid-limit")]
    [InlineData(20, -1, "search.invalid-offset")]
    public async Task Out_of_range_paging_is_rejected(int limit, int offset, string code)
    {
        ICatalogStore store = await NewStoreAsync();

        ValidationError error = await Assert.ThrowsAsync<ValidationError>(
            () => store.SearchAsync(new CatalogQuery { Limit = limit, Offset = offset }, None));

        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public async Task Limits_at_the_ends_of_the_range_are_accepted(int limit)
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery { Limit = limit }, None);

        Assert.Equal(Math.Min(limit, 4), result.Datasets.Count);
    }

    [Fact]
    public async Task Search_follows_metadata_updates_and_keeps_column_names()
    {
        ICatalogStore store = await SeededStoreAsync();

        await store.UpdateMetadataAsync(s_graffiti, new DatasetMetadata { Title = "Graffiti cleanup requests", Category = "Environment" }, None);
        await store.UpdateMetadataAsync(s_salaries, new DatasetMetadata { Title = "Staff salaries", Visibility = Visibility.Public }, None);

        Assert.Equal(0, (await store.SearchAsync(new CatalogQuery { Text = "removal" }, None)).Total);
        Assert.Equal(0, (await store.SearchAsync(new CatalogQuery { Text = "nuisance" }, None)).Total);
        Assert.Equal(1, (await store.SearchAsync(new CatalogQuery { Text = "cleanup" }, None)).Total);
        Assert.Equal(1, (await store.SearchAsync(new CatalogQuery { Text = "graffiti location" }, None)).Total);
        Assert.Equal(1, (await store.SearchAsync(new CatalogQuery { Text = "salaries" }, None)).Total);
    }

    [Fact]
    public async Task Search_follows_the_columns_of_the_current_version()
    {
        ICatalogStore store = await SeededStoreAsync();

        await store.PublishVersionAsync(s_buildings, new NewVersion(
            2, "bldg_v2", 5, "replace", "buildings.csv", Columns(("parcel_id", "Parcel ID")), null), None);

        Assert.Equal(0, (await store.SearchAsync(new CatalogQuery { Text = "street" }, None)).Total);
        Assert.Equal([Buildings], Titles(await store.SearchAsync(new CatalogQuery { Text = "parcel" }, None)));
    }

    [Fact]
    public async Task A_dataset_appears_in_public_search_once_its_first_version_is_published()
    {
        ICatalogStore store = await SeededStoreAsync();
        var draft = DatasetId.Parse("drft-0006");

        await store.PublishVersionAsync(draft, new NewVersion(1, "drft_v1", 1, "create", "d.csv", Columns(("allergen", "Allergen")), null), None);

        Assert.Equal([Draft], Titles(await store.SearchAsync(new CatalogQuery { Text = "allergen" }, None)));
    }

    [Fact]
    public async Task Tags_changed_by_a_metadata_update_are_what_facets_count_and_filters_match()
    {
        ICatalogStore store = await SeededStoreAsync();

        await store.UpdateMetadataAsync(s_graffiti, new DatasetMetadata
        {
            Title = Graffiti,
            Category = "Environment",
            Department = "Public Works",
            Tags = ["food", "Sanitation"],
        }, None);

        CatalogSearchResult all = await store.SearchAsync(new CatalogQuery(), None);
        Assert.Equal(
            [new FacetCount("food", 3), new FacetCount("permits", 2), new FacetCount("Sanitation", 1), new FacetCount("construction", 1), new FacetCount("inspections", 1)],
            all.Tags);
        Assert.Empty((await store.SearchAsync(new CatalogQuery { Tag = "311" }, None)).Datasets);
        Assert.Equal([Graffiti], Titles(await store.SearchAsync(new CatalogQuery { Tag = "sanitation" }, None)));
        Assert.Equal([FoodTrucks, Graffiti, Restaurants], Titles(await store.SearchAsync(new CatalogQuery { Tag = "FOOD" }, None)));
        Assert.Equal(
            [new FacetCount("Sanitation", 1), new FacetCount("food", 1)],
            (await store.SearchAsync(new CatalogQuery { Category = "environment" }, None)).Tags);
    }

    [Fact]
    public async Task Tags_of_private_and_unpublished_datasets_are_never_counted_for_anonymous_searches()
    {
        ICatalogStore store = await SeededStoreAsync();

        CatalogSearchResult anonymous = await store.SearchAsync(new CatalogQuery(), None);
        CatalogSearchResult insider = await store.SearchAsync(new CatalogQuery { IncludePrivate = true }, None);

        Assert.Equal(
            [new FacetCount("food", 2), new FacetCount("permits", 2), new FacetCount("311", 1), new FacetCount("construction", 1), new FacetCount("inspections", 1)],
            anonymous.Tags);
        Assert.Equal(
            [new FacetCount("food", 4), new FacetCount("permits", 2), new FacetCount("311", 1), new FacetCount("construction", 1), new FacetCount("inspections", 1), new FacetCount("payroll", 1)],
            insider.Tags);
        Assert.Empty((await store.SearchAsync(new CatalogQuery { Tag = "payroll" }, None)).Datasets);
        Assert.Equal(0, (await store.SearchAsync(new CatalogQuery { Tag = "payroll" }, None)).Total);
    }

    [Fact]
    public async Task Tag_facets_follow_a_dataset_going_private_and_another_being_published()
    {
        ICatalogStore store = await SeededStoreAsync();
        DatasetRecord restaurants = await store.FindDatasetAsync(s_restaurants, None) ?? throw new InvalidOperationException("Not seeded.");

        await store.UpdateMetadataAsync(s_restaurants, restaurants.Metadata with { Visibility = Visibility.Private }, None);
        await store.PublishVersionAsync(DatasetId.Parse("drft-0006"), new NewVersion(1, "drft_v1", 1, "create", "d.csv", Columns(("allergen", "Allergen")), null), None);

        CatalogSearchResult result = await store.SearchAsync(new CatalogQuery(), None);
        Assert.Equal(
            [new FacetCount("food", 2), new FacetCount("permits", 2), new FacetCount("311", 1), new FacetCount("construction", 1)],
            result.Tags);
        Assert.Equal([Draft, FoodTrucks], Titles(await store.SearchAsync(new CatalogQuery { Tag = "food" }, None)));
        Assert.Empty((await store.SearchAsync(new CatalogQuery { Tag = "inspections" }, None)).Datasets);
    }

    [Fact]
    public async Task A_tag_given_twice_counts_its_dataset_once()
    {
        ICatalogStore store = await NewStoreAsync();
        var id = DatasetId.Parse("twic-0001");
        await store.CreateDatasetAsync(id, new DatasetMetadata { Title = "Twice tagged", Tags = ["parks", "parks", "trees"] }, None);
        await store.PublishVersionAsync(id, new NewVersion(1, "twic_v1", 1, "create", "t.csv", Columns(("name", "Name")), null), None);

        CatalogSearchResult all = await store.SearchAsync(new CatalogQuery(), None);
        CatalogSearchResult filtered = await store.SearchAsync(new CatalogQuery { Tag = "parks" }, None);

        Assert.Equal([new FacetCount("parks", 1), new FacetCount("trees", 1)], all.Tags);
        Assert.Equal(1, filtered.Total);
        Assert.Equal([new FacetCount("parks", 1), new FacetCount("trees", 1)], filtered.Tags);
    }

    private static List<string> Titles(CatalogSearchResult result) =>
        result.Datasets.Select(dataset => dataset.Metadata.Title).ToList();

    private static ImmutableArray<ColumnSchema> Columns(params (string FieldName, string DisplayName)[] columns) =>
        [.. columns.Select((column, i) => new ColumnSchema(i + 1, column.FieldName, column.DisplayName, SodaType.Text, i + 1))];

    private async Task<ICatalogStore> SeededStoreAsync()
    {
        ICatalogStore store = await NewStoreAsync();

        await AddAsync(s_restaurants, new DatasetMetadata
        {
            Title = Restaurants,
            Description = "Health inspections of food establishments such as cafés",
            Category = "Health",
            Department = "Public Health",
            Tags = ["food", "inspections"],
        }, [
            new ColumnSchema(1, "inspection_date", "Inspection Date", SodaType.FloatingTimestamp, 1),
            new ColumnSchema(2, "score", "Score", SodaType.Number, 2),
            new ColumnSchema(3, "inspector_badge", "Inspector badge", SodaType.Text, 3, Hidden: true),
        ]);
        await AddAsync(DatasetId.Parse("food-0002"), new DatasetMetadata
        {
            Title = FoodTrucks,
            Description = "Mobile food vendor permits",
            Category = "Business",
            Department = "Licensing",
            Tags = ["food", "permits"],
        }, Columns(("permit_no", "Permit number"), ("vendor_name", "Vendor name")));
        await AddAsync(s_buildings, new DatasetMetadata
        {
            Title = Buildings,
            Description = "Construction permits issued",
            Category = "Housing",
            Department = "Buildings",
            Tags = ["permits", "construction"],
        }, Columns(("permit_no", "Permit number"), ("address", "Street address")));
        await AddAsync(s_graffiti, new DatasetMetadata
        {
            Title = Graffiti,
            Description = "311 requests to remove graffiti, a public health nuisance",
            Category = "Environment",
            Department = "Public Works",
            Tags = ["311"],
        }, Columns(("location", "Location")));
        await AddAsync(s_salaries, new DatasetMetadata
        {
            Title = Salaries,
            Description = "Payroll",
            Category = "Finance",
            Department = "Human Resources",
            Tags = ["payroll", "food"],
            Visibility = Visibility.Private,
        }, Columns(("employee", "Employee")));
        await AddAsync(DatasetId.Parse("drft-0006"), new DatasetMetadata
        {
            Title = Draft,
            Description = "Not yet loaded",
            Category = "Health",
            Department = "Public Health",
            Tags = ["food"],
        }, columns: null);

        return store;

        async Task AddAsync(DatasetId id, DatasetMetadata metadata, ImmutableArray<ColumnSchema>? columns)
        {
            await store.CreateDatasetAsync(id, metadata, None);
            if (columns is ImmutableArray<ColumnSchema> published)
            {
                await store.PublishVersionAsync(id, new NewVersion(1, $"{id.Value.Replace('-', '_')}_v1", 10, "create", "data.csv", published, null), None);
            }
        }
    }
}
