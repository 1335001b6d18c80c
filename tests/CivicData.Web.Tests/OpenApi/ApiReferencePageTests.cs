using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CivicData.Web.Tests.Docs;

namespace CivicData.Web.Tests.OpenApi;

/// <summary>/api/docs: Scalar's reference page, which must work with no network beyond the portal itself.</summary>
public sealed class ApiReferencePageTests(DemoPortalFixture portal) : IClassFixture<DemoPortalFixture>
{
    [Fact]
    public async Task Docs_page_is_html_whose_scripts_are_served_by_the_portal()
    {
        Uri page = new(portal.BaseAddress, "/api/docs/");
        using HttpResponseMessage response = await portal.Client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        IHtmlDocument html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

        string[] sources = [.. html.Scripts.Select(script => script.Source).OfType<string>().Where(source => source.Length > 0)];
        Assert.NotEmpty(sources);
        foreach (string source in sources)
        {
            Uri script = new(page, source);
            Assert.Equal(portal.BaseAddress.GetLeftPart(UriPartial.Authority), script.GetLeftPart(UriPartial.Authority));
            using HttpResponseMessage answer = await portal.Client.GetAsync(script);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("text/javascript", answer.Content.Headers.ContentType?.MediaType);
            Assert.True((await answer.Content.ReadAsByteArrayAsync()).Length > 1000, $"{script} is nearly empty");
        }

        Assert.DoesNotContain(html.QuerySelectorAll("link[href], img[src]"), element =>
            (element.GetAttribute("href") ?? element.GetAttribute("src"))!.StartsWith("http", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Docs_page_asks_for_no_fonts_or_telemetry_from_outside()
    {
        string html = await portal.Client.GetStringAsync("/api/docs/");

        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_without_a_trailing_slash_leads_to_the_page()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };
        using HttpResponseMessage response = await client.GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/api/docs/", new Uri(new Uri(portal.BaseAddress, "/api/docs"), response.Headers.Location!).AbsolutePath);
    }
}
