using System.Net;
using System.Text.Json;

namespace CivicData.Web.Tests.Ckan;

/// <summary>The Action API's routes, envelope and error shapes (ckan.md §1, §2).</summary>
[Collection(CkanCollection.Name)]
public sealed class CkanEnvelopeTests(CkanFixture fixture)
{
    [Theory]
    [InlineData("/api/3/action/status_show", "/api/3/action/help_show?name=status_show")]
    [InlineData("/api/action/status_show", "/api/action/help_show?name=status_show")]
    public async Task Both_paths_answer_the_envelope_with_a_help_url_on_the_same_path(string path, string help)
    {
        (HttpStatusCode status, JsonElement body) = await CkanCalls.GetAsync(fixture.Client, path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new Uri(fixture.BaseAddress, help).ToString(), body.GetProperty("help").GetString());
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("2.11.0", body.GetProperty("result").GetProperty("ckan_version").GetString());
    }

    [Fact]
    public async Task Post_with_a_json_body_reads_its_parameters()
    {
        (HttpStatusCode status, JsonElement body) = await CkanCalls.PostAsync(fixture.Client, "/api/action/package_show", """{"id": "sfin-test"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Restaurant Inspection Scores, San Francisco", body.GetProperty("result").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Responses_are_json_with_cors_for_anonymous_reads()
    {
        using HttpResponseMessage response = await fixture.Client.GetAsync(new Uri("/api/3/action/site_read", UriKind.Relative));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("""{"help":""" + JsonSerializer.Serialize(new Uri(fixture.BaseAddress, "/api/3/action/help_show?name=site_read").ToString()) + ""","success":true,"result":true}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_action_is_a_400_with_a_bare_json_string()
    {
        (HttpStatusCode status, JsonElement body) = await CkanCalls.GetAsync(fixture.Client, "/api/3/action/foo_bar");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Bad request: Action name not known: foo_bar", body.GetString());
    }

    [Theory]
    [InlineData("[1, 2]", "it needs to be a dictionary")]
    [InlineData("{not json", "Error decoding JSON data")]
    public async Task Post_body_that_is_not_a_json_object_is_a_400(string json, string expected)
    {
        (HttpStatusCode status, JsonElement body) = await CkanCalls.PostAsync(fixture.Client, "/api/action/package_list", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, body.GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Bad request: JSON Error", body.GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_dataset_is_a_not_found_error_whose_help_names_the_action()
    {
        (HttpStatusCode status, JsonElement body) = await CkanCalls.GetAsync(fixture.Client, "/api/3/action/package_show?id=zzzz-9999");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal(new Uri(fixture.BaseAddress, "/api/3/action/help_show?name=package_show").ToString(), body.GetProperty("help").GetString());
        Assert.Equal("Not Found Error", body.GetProperty("error").GetProperty("__type").GetString());
        Assert.StartsWith("Not found", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_parameter_is_a_409_validation_error_keyed_by_the_parameter()
    {
        (HttpStatusCode status, JsonElement error) = await CkanCalls.ErrorAsync(fixture.Client, "/api/3/action/package_show");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Validation Error", error.GetProperty("__type").GetString());
        Assert.Equal(["Missing value"], CkanCalls.Strings(error.GetProperty("id")));
    }

    [Fact]
    public async Task Bad_natural_number_is_a_validation_error_with_ckan_messages()
    {
        (HttpStatusCode status, JsonElement error) = await CkanCalls.ErrorAsync(fixture.Client, "/api/3/action/package_list?limit=-1");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(["Must be a natural number"], CkanCalls.Strings(error.GetProperty("limit")));

        (_, JsonElement notNumber) = await CkanCalls.ErrorAsync(fixture.Client, "/api/3/action/package_list?offset=abc");
        Assert.Equal(["Invalid integer"], CkanCalls.Strings(notNumber.GetProperty("offset")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Api_version_paths_answer_their_number(int version)
    {
        (HttpStatusCode status, JsonElement body) = await CkanCalls.GetAsync(fixture.Client, $"/api/{version}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(version, body.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Help_show_returns_the_action_help_and_404_for_unknown_names()
    {
        JsonElement help = await CkanCalls.ResultAsync(fixture.Client, "/api/3/action/help_show?name=package_search");
        Assert.Contains("fq", help.GetString(), StringComparison.Ordinal);

        (HttpStatusCode status, _) = await CkanCalls.ErrorAsync(fixture.Client, "/api/3/action/help_show?name=nope_nope");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
