using System.Net;
using System.Text.Json;
using CivicData.Web.Tests.Infrastructure;

namespace CivicData.Web.Tests.Soda;

/// <summary>Errors at the SODA front doors: status, SODA's body shape, and nothing leaked.</summary>
[Collection(PortalCollection.Name)]
public sealed class SodaErrorTests(PortalFixture portal)
{
    private static readonly string s_la = "/resource/" + PortalFixture.La311.Value;

    [Fact]
    public async Task Malformed_soql_is_a_400_in_soda_shape_without_stack_frames()
    {
        (HttpResponseMessage response, JsonElement body, string text) = await GetErrorAsync($"{s_la}.json?$where=cd = = 5");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json; charset=UTF-8", response.Content.Headers.GetValues("Content-Type").Single());
        Assert.StartsWith("query.", body.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Equal(body.GetProperty("code").GetString(), body.GetProperty("errorCode").GetString());
        Assert.True(body.GetProperty("error").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        Assert.Equal(JsonValueKind.Object, body.GetProperty("data").ValueKind);
        AssertNoStackFrames(text);
    }

    [Fact]
    public async Task Unknown_column_is_reported_as_no_such_column()
    {
        (HttpResponseMessage response, JsonElement body, string text) = await GetErrorAsync($"{s_la}.json?$where=nosuchcolumn = 5");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("query.soql.no-such-column", body.GetProperty("code").GetString());
        AssertNoStackFrames(text);
    }

    [Fact]
    public async Task Simple_filter_on_an_unknown_column_is_reported_as_no_such_column()
    {
        (HttpResponseMessage response, JsonElement body, _) = await GetErrorAsync($"{s_la}.json?nosuchcolumn=5");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("query.soql.no-such-column", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Unknown_dollar_parameter_is_a_400_unknown_parameter()
    {
        (HttpResponseMessage response, JsonElement body, _) = await GetErrorAsync($"{s_la}.json?$frobnicate=1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("query.soql.unknown-parameter", body.GetProperty("code").GetString());
        Assert.Equal("$frobnicate", body.GetProperty("data").GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("/resource/zzzz-9999.json")]
    [InlineData("/resource/zzzz-9999")]
    [InlineData("/resource/not-a-4x4.csv")]
    [InlineData("/resource/priv-test.json")]
    [InlineData("/resource/priv-test.geojson")]
    [InlineData("/api/views/zzzz-9999.json")]
    [InlineData("/api/views/priv-test.json")]
    [InlineData("/api/views/priv-test")]
    public async Task Unknown_and_private_datasets_are_404_not_found(string url)
    {
        (HttpResponseMessage response, JsonElement body, string text) = await GetErrorAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", body.GetProperty("code").GetString());
        Assert.True(body.GetProperty("error").GetBoolean());
        Assert.Equal("Dataset not found", body.GetProperty("message").GetString());
        Assert.DoesNotContain(PortalFixture.PrivateTitle, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Private_and_unknown_datasets_answer_identically()
    {
        (_, _, string unknown) = await GetErrorAsync("/resource/zzzz-9999.json");
        (_, _, string hidden) = await GetErrorAsync("/resource/priv-test.json");

        Assert.Equal(unknown, hidden);
    }

    [Fact]
    public async Task Limit_above_the_cap_is_a_400()
    {
        (HttpResponseMessage response, JsonElement body, _) = await GetErrorAsync($"{s_la}.json?$limit=50001");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("error").GetBoolean());
    }

    [Fact]
    public async Task Query_combined_with_clause_parameters_is_a_400()
    {
        (HttpResponseMessage response, JsonElement body, _) = await GetErrorAsync($"{s_la}.json?$query=SELECT srnumber&$where=cd = 5");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("error").GetBoolean());
    }

    private static void AssertNoStackFrames(string text)
    {
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", text, StringComparison.Ordinal);
    }

    private async Task<(HttpResponseMessage Response, JsonElement Body, string Text)> GetErrorAsync(string url)
    {
        HttpResponseMessage response = await portal.Client.GetAsync(url);
        string text = await response.Content.ReadAsStringAsync();
        using JsonDocument document = JsonDocument.Parse(text);
        return (response, document.RootElement.Clone(), text);
    }
}
