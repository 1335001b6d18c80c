using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;
using CivicData.Core;

namespace CivicData.Catalog.Tests;

/// <summary>Deleting a dataset: gone for every reader, kept on record, id never reused.</summary>
public abstract partial class CatalogStoreConformanceTests
{
    [Fact]
    public async Task A_deleted_dataset_is_gone_from_lookups_searches_and_facets_for_every_caller()
    {
        ICatalogStore store = await SeededStoreAsync();

        Assert.True(await store.DeleteDatasetAsync(s_graffiti, None));

        Assert.Null(await store.FindDatasetAsync(s_graffiti, None));
        foreach (bool insider in new[] { false, true })
        {
            CatalogSearchResult all = await store.SearchAsync(new CatalogQuery { IncludePrivate = insider }, None);
            CatalogSearchResult words = await store.SearchAsync(new CatalogQuery { Text = "graffiti", IncludePrivate = insider }, None);
            CatalogSearchResult tagged = await store.SearchAsync(new CatalogQuery { Tag = "311", IncludePrivate = insider }, None);

            Assert.DoesNotContain(Graffiti, Titles(all));
            Assert.Empty(words.Datasets);
            Assert.Equal(0, tagged.Total);
            Assert.DoesNotContain(all.Tags, facet => facet.Value == "311");
            Assert.DoesNotContain(all.Categories, facet => facet.Value == "Environment");
        }
    }

    [Fact]
    public async Task A_deleted_dataset_cannot_be_deleted_again_edited_or_recreated_under_its_id()
    {
        ICatalogStore store = await SeededStoreAsync();
        await store.DeleteDatasetAsync(s_graffiti, None);

        Assert.False(await store.DeleteDatasetAsync(s_graffiti, None));
        Assert.False(await store.DeleteDatasetAsync(s_missing, None));
        await Assert.ThrowsAsync<NotFoundError>(() => store.UpdateMetadataAsync(s_graffiti, new DatasetMetadata { Title = "Back" }, None));
        await Assert.ThrowsAsync<ConflictError>(() => store.CreateDatasetAsync(s_graffiti, new DatasetMetadata { Title = "Again" }, None));
    }

    [Fact]
    public async Task A_deleted_datasets_tables_stay_on_record_so_nothing_drops_them_as_orphans()
    {
        ICatalogStore store = await SeededStoreAsync();
        IReadOnlySet<string> before = await store.ListTableNamesAsync(None);

        await store.DeleteDatasetAsync(s_graffiti, None);

        Assert.Equal(before.Order(StringComparer.Ordinal), (await store.ListTableNamesAsync(None)).Order(StringComparer.Ordinal));
    }
}
