using CivicData.Catalog.Accounts;
using CivicData.Catalog.Search;
using CivicData.Web.Datasets;
using CivicData.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CivicData.Web.Tests.Datasets;

/// <summary>The catalog as each kind of caller may search it, against the portal fixture's real catalog.</summary>
[Collection(PortalCollection.Name)]
public sealed class VisibleCatalogSearchTests(PortalFixture portal)
{
    private static readonly DateTimeOffset s_joined = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private VisibleCatalogSearch Search => portal.App.Services.GetRequiredService<VisibleCatalogSearch>();

    [Fact]
    public async Task Anonymous_callers_see_neither_private_nor_draft_datasets()
    {
        CatalogSearchResult result = await Search.SearchAsync(new CatalogQuery { Limit = 1000 }, DatasetCaller.Anonymous, CancellationToken.None);

        Assert.Contains(result.Datasets, record => record.Id == PortalFixture.La311);
        Assert.DoesNotContain(result.Datasets, record => record.Id == PortalFixture.PrivateLegend);
        Assert.DoesNotContain(result.Datasets, record => record.Id == PortalFixture.DraftPermits);
        Assert.Equal(result.Datasets.Count, result.Total);
    }

    [Fact]
    public async Task The_operator_sees_private_datasets_but_never_drafts_and_counts_them_in_total_and_facets()
    {
        CatalogSearchResult anonymous = await Search.SearchAsync(new CatalogQuery { Limit = 1000 }, DatasetCaller.Anonymous, CancellationToken.None);
        CatalogSearchResult result = await Search.SearchAsync(new CatalogQuery { Limit = 1000 }, DatasetCaller.Operator, CancellationToken.None);
        CatalogSearchResult page = await Search.SearchAsync(new CatalogQuery { Limit = 1, Offset = 1 }, DatasetCaller.Operator, CancellationToken.None);

        Assert.Contains(result.Datasets, record => record.Id == PortalFixture.PrivateLegend);
        Assert.DoesNotContain(result.Datasets, record => record.Id == PortalFixture.DraftPermits);
        Assert.Equal(anonymous.Total + 1, result.Total);
        Assert.Equal(result.Total, page.Total);
        Assert.Equal([result.Datasets[1].Id], page.Datasets.Select(record => record.Id));

        // "Health" holds the public SF inspections and the private legend; the draft's "City Services" is not counted twice.
        Assert.Equal(2, result.Categories.Single(facet => facet.Value == "Health").Count);
        Assert.Equal(1, anonymous.Categories.Single(facet => facet.Value == "Health").Count);
        Assert.Equal(anonymous.Categories.Single(facet => facet.Value == "City Services").Count, result.Categories.Single(facet => facet.Value == "City Services").Count);
    }

    [Fact]
    public async Task A_member_of_another_organisation_sees_only_public_datasets()
    {
        var outsider = DatasetCaller.For(new UserAccount(41, "someone@example.gov", Role.Editor, "Parks", s_joined));

        CatalogSearchResult result = await Search.SearchAsync(new CatalogQuery { Limit = 1000 }, outsider, CancellationToken.None);
        CatalogSearchResult anonymous = await Search.SearchAsync(new CatalogQuery { Limit = 1000 }, DatasetCaller.Anonymous, CancellationToken.None);

        Assert.Equal(anonymous.Datasets.Select(record => record.Id), result.Datasets.Select(record => record.Id));
        Assert.Equal(anonymous.Total, result.Total);
        Assert.Equal(anonymous.Tags, result.Tags);
    }
}
