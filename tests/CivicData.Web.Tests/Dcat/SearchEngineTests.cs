using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CivicData.Web.Tests.Dcat;

/// <summary>What search engines read: schema.org JSON-LD on dataset pages, <c>/sitemap.xml</c> and <c>/robots.txt</c>.</summary>
[Collection(DcatCollection.Name)]
public sealed class SearchEngineTests(DcatFixture portal)
{
    private static readonly XNamespace s_sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task The_dataset_page_embeds_a_schema_org_dataset_that_hostile_text_cannot_break_out_of()
    {
        string html = await portal.Client.GetStringAsync("/d/la31-dcat");
        IDocument page = new HtmlParser().ParseDocument(html);

        IElement script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        using JsonDocument document = JsonDocument.Parse(script.TextContent);
        JsonElement dataset = document.RootElement;
        Assert.Equal("Dataset", dataset.GetProperty("@type").GetString());
        Assert.Equal("MyLA311 Service Requests (DCAT test)", dataset.GetProperty("name").GetString());
        // The description holds "</script><script>alert(1)</script>" and "<!--": it reads back whole, and the page has
        // no script element it did not mean to have.
        Assert.Equal(DcatFixture.HostileDescription, dataset.GetProperty("description").GetString());
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Equal(portal.Root + "/d/la31-dcat", dataset.GetProperty("url").GetString());
        Assert.Equal(["311", "service requests"], dataset.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("https://creativecommons.org/publicdomain/zero/1.0/", dataset.GetProperty("license").GetString());
        Assert.Equal("Information Technology Agency", dataset.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("City of Los Angeles", dataset.GetProperty("creator").GetProperty("parentOrganization").GetProperty("name").GetString());
        Assert.Equal("2018-01-01/2018-01-04", dataset.GetProperty("temporalCoverage").GetString());
        Assert.Equal("33.7037 -118.6682 34.3373 -118.1553", dataset.GetProperty("spatialCoverage").GetProperty("geo").GetProperty("box").GetString());
        Assert.Equal("2018-01-05", dataset.GetProperty("datePublished").GetString());
        string[] downloads = [.. dataset.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("encodingFormat").GetString()!)];
        Assert.Equal(["text/csv", "application/json", "application/vnd.geo+json"], downloads);
    }

    [Fact]
    public async Task The_sitemap_lists_home_browse_and_exactly_the_public_dataset_pages_with_lastmod()
    {
        using HttpResponseMessage response = await portal.Client.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        XDocument sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync());

        XElement[] urls = [.. sitemap.Root!.Elements(s_sitemap + "url")];
        Assert.Equal(
            [portal.Root + "/", portal.Root + "/browse", portal.Root + "/d/badm-dcat", portal.Root + "/d/la31-dcat", portal.Root + "/d/lacd-dcat"],
            urls.Select(url => url.Element(s_sitemap + "loc")!.Value));
        using JsonDocument pod = JsonDocument.Parse(await portal.Client.GetStringAsync("/data.json"));
        foreach (JsonElement dataset in pod.RootElement.GetProperty("dataset").EnumerateArray())
        {
            XElement url = urls.Single(u => u.Element(s_sitemap + "loc")!.Value == dataset.GetProperty("identifier").GetString());
            Assert.Equal(dataset.GetProperty("modified").GetString(), url.Element(s_sitemap + "lastmod")!.Value);
        }

        foreach (XElement url in urls)
        {
            using HttpResponseMessage page = await portal.Client.GetAsync(new Uri(url.Element(s_sitemap + "loc")!.Value));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task Robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_query_apis()
    {
        using HttpResponseMessage response = await portal.Client.GetAsync("/robots.txt");
        string robots = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        string[] lines = robots.Split('\n');
        Assert.Contains("Sitemap: " + portal.Root + "/sitemap.xml", lines);
        Assert.Contains("Disallow: /resource/", lines);
        Assert.Contains("Disallow: /api/", lines);
        Assert.DoesNotContain("Disallow: /d/", lines);
        Assert.DoesNotContain("Disallow: /", lines);
    }

    [Fact]
    public async Task Private_and_draft_datasets_appear_in_none_of_them()
    {
        string sitemap = await portal.Client.GetStringAsync("/sitemap.xml");
        foreach (string hidden in new[] { "priv-dcat", "drft-dcat" })
        {
            Assert.DoesNotContain(hidden, sitemap, StringComparison.Ordinal);
            using HttpResponseMessage page = await portal.Client.GetAsync("/d/" + hidden);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain("application/ld+json", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
