using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CivicData.Web.Tests.Infrastructure;

namespace CivicData.Web.Tests.Portal;

/// <summary>The server-rendered portal: every page answers, shows the imported data, and keeps tables accessible.</summary>
[Collection(PortalCollection.Name)]
public sealed class PortalPageTests(PortalFixture portal)
{
    [Fact]
    public async Task Home_page_has_search_counts_categories_and_recent_datasets()
    {
        IDocument page = await GetPageAsync("/");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("#main-content", page.QuerySelector("a.usa-skipnav")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main#main-content"));
        IElement form = page.QuerySelector("form[role=search]")!;
        Assert.Equal("/browse", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(page.QuerySelector($"label[for={form.QuerySelector("input")!.Id}]"));
        Assert.Equal("3", page.QuerySelector("[data-testid=dataset-count]")?.TextContent);
        Assert.Contains(page.QuerySelectorAll(".category-list a"), link => link.TextContent == "Boundaries");
        Assert.Contains(page.QuerySelectorAll("a[href^='/d/']"), link => link.TextContent == PortalFixture.La311Title);
        Assert.DoesNotContain(PortalFixture.PrivateTitle, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task Catalog_lists_public_datasets_with_facets()
    {
        IDocument page = await GetPageAsync("/browse");

        Assert.Equal("3 datasets", page.QuerySelector("#results-heading")?.TextContent);
        string[] titles = [.. page.QuerySelectorAll(".usa-collection__heading a").Select(link => link.TextContent)];
        Assert.Contains(PortalFixture.La311Title, titles);
        Assert.DoesNotContain(PortalFixture.PrivateTitle, titles);
        IElement health = page.QuerySelectorAll(".facet-list a").Single(link => link.TextContent == "Health");
        Assert.Equal("/browse?category=Health", health.GetAttribute("href"));
        Assert.Equal("(1)", health.ParentElement!.QuerySelector(".facet-count")!.TextContent);
    }

    [Fact]
    public async Task Catalog_search_narrows_the_results()
    {
        IDocument page = await GetPageAsync("/browse?q=council");

        Assert.Equal("1 dataset", page.QuerySelector("#results-heading")?.TextContent);
        Assert.Equal("Los Angeles City Council Districts (2012)", page.QuerySelector(".usa-collection__heading a")?.TextContent);
        Assert.Equal("council", page.QuerySelector("#browse-search")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Catalog_facet_filter_narrows_the_results()
    {
        IDocument page = await GetPageAsync("/browse?category=Health");

        Assert.Equal("1 dataset", page.QuerySelector("#results-heading")?.TextContent);
        Assert.Equal($"/d/{PortalFixture.SfInspections.Value}", page.QuerySelector(".usa-collection__heading a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Catalog_with_no_matches_shows_an_empty_state()
    {
        IDocument page = await GetPageAsync("/browse?q=zebracrossingunicorn");

        Assert.Equal("0 datasets", page.QuerySelector("#results-heading")?.TextContent);
        Assert.NotNull(page.QuerySelector(".usa-alert"));
    }

    [Fact]
    public async Task Dataset_page_shows_metadata_columns_and_the_first_rows()
    {
        IDocument page = await GetPageAsync($"/d/{PortalFixture.La311.Value}");
        List<Dictionary<string, string>> source = La311Source.Rows;

        Assert.Equal(PortalFixture.La311Title, page.QuerySelector("h1")?.TextContent);
        Assert.Equal("10,000", page.QuerySelector("[data-testid=row-count]")?.TextContent);

        IElement columns = page.QuerySelector("table.dataset-columns")!;
        Assert.NotNull(columns.QuerySelector("caption"));
        Assert.All(columns.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        string[] fieldNames = [.. columns.QuerySelectorAll("tbody th code").Select(code => code.TextContent)];
        Assert.Equal(source[0].Keys.Select(name => name.ToLowerInvariant()), fieldNames);

        IElement preview = page.QuerySelector("table.dataset-preview")!;
        Assert.NotNull(preview.QuerySelector("caption"));
        Assert.All(preview.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        IHtmlCollection<IElement> rows = preview.QuerySelectorAll("tbody tr");
        Assert.Equal(20, rows.Length);
        string[] headers = [.. preview.QuerySelectorAll("thead th").Select(th => th.TextContent)];
        int srnumberAt = Array.IndexOf(headers, "srnumber");
        Assert.Equal(source.Take(20).Select(row => row["SRNumber"]), rows.Select(row => row.Children[srnumberAt].TextContent));

        string[] links = [.. page.QuerySelectorAll("a").Select(link => link.GetAttribute("href") ?? "")];
        Assert.Contains($"/resource/{PortalFixture.La311.Value}.csv", links);
        Assert.Contains($"/resource/{PortalFixture.La311.Value}.json", links);
        Assert.Contains($"/resource/{PortalFixture.La311.Value}.geojson", links);
        Assert.Contains($"/resource/{PortalFixture.La311.Value}.json?$limit=5", links);
        Assert.Contains($"/api/views/{PortalFixture.La311.Value}.json", links);
    }

    [Fact]
    public async Task Dataset_without_geometry_offers_no_geojson_download()
    {
        IDocument page = await GetPageAsync($"/d/{PortalFixture.SfInspections.Value}");

        string[] links = [.. page.QuerySelectorAll("a").Select(link => link.GetAttribute("href") ?? "")];
        Assert.Contains($"/resource/{PortalFixture.SfInspections.Value}.csv", links);
        Assert.DoesNotContain($"/resource/{PortalFixture.SfInspections.Value}.geojson", links);
    }

    [Fact]
    public async Task Sample_query_link_on_the_dataset_page_works()
    {
        using HttpResponseMessage response = await portal.Client.GetAsync($"/resource/{PortalFixture.La311.Value}.json?$limit=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/d/zzzz-9999")]
    [InlineData("/d/priv-test")]
    [InlineData("/d/not-an-id")]
    [InlineData("/no/such/page")]
    public async Task Unknown_or_private_pages_get_the_404_page(string url)
    {
        using HttpResponseMessage response = await portal.Client.GetAsync(url);
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        IDocument page = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("a.usa-skipnav"));
        Assert.DoesNotContain(PortalFixture.PrivateTitle, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/lib/uswds/css/uswds.min.css", "text/css")]
    [InlineData("/lib/uswds/js/uswds.min.js", "text/javascript")]
    [InlineData("/css/site.css", "text/css")]
    public async Task Static_assets_are_served_from_the_build_output(string url, string mediaType)
    {
        using HttpResponseMessage response = await portal.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    private async Task<IDocument> GetPageAsync(string url)
    {
        using HttpResponseMessage response = await portal.Client.GetAsync(url);
        string html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} → {(int)response.StatusCode}: {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await new HtmlParser().ParseDocumentAsync(html);
    }
}
