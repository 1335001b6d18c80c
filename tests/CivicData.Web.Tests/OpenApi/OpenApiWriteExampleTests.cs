using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CivicData.Web.Tests.Docs;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace CivicData.Web.Tests.OpenApi;

/// <summary>The producer examples of /openapi/v1.json, sent with a publisher's key, do what they say (on a portal of their own).</summary>
public sealed class OpenApiWriteExampleTests(DemoPortalFixture portal) : IClassFixture<DemoPortalFixture>
{
    [Fact]
    public async Task Upsert_and_row_update_examples_change_the_demo_rows()
    {
        string json = await portal.Client.GetStringAsync("/openapi/v1.json");
        OpenApiDocument document = OpenApiDocument.Parse(json, OpenApiConstants.Json, new OpenApiReaderSettings()).Document!;
        IOpenApiPathItem rows = document.Paths["/resource/{resource}"];
        IOpenApiPathItem row = document.Paths["/resource/{resource}/{rowId}"];
        string resource = ExampleOf(rows.Operations![HttpMethod.Post], "resource");
        string rowId = ExampleOf(row.Operations![HttpMethod.Post], "rowId");

        using JsonDocument upsert = await SendAsync(HttpMethod.Post, "/resource/" + resource, BodyOf(rows.Operations[HttpMethod.Post]));
        using JsonDocument update = await SendAsync(HttpMethod.Post, $"/resource/{resource}/{rowId}", BodyOf(row.Operations[HttpMethod.Post]));
        JsonArray after = JsonNode.Parse(await portal.Client.GetStringAsync($"/resource/{resource}?srnumber={rowId}"))!.AsArray();

        // The upsert example updates the demo's first row (1-870704814) and creates one new row.
        Assert.Equal(1, upsert.RootElement.GetProperty("Rows Updated").GetInt32());
        Assert.Equal(1, upsert.RootElement.GetProperty("Rows Created").GetInt32());
        Assert.Equal(1, update.RootElement.GetProperty("Rows Updated").GetInt32());
        JsonNode changed = Assert.Single(after)!;
        // The row example then sets two fields of that row; the demo has it Closed with action "SR Created".
        Assert.Equal("Pending", changed["status"]!.GetValue<string>());
        Assert.Equal("SR Updated", changed["actiontaken"]!.GetValue<string>());
        Assert.Equal("Bulky Items", changed["requesttype"]!.GetValue<string>());
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, string body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = portal.PublisherAuthorization;
        using HttpResponseMessage response = await portal.Client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }

    private static string ExampleOf(OpenApiOperation operation, string parameter) =>
        operation.Parameters!.Single(candidate => candidate.Name == parameter).Example!.GetValue<string>();

    private static string BodyOf(OpenApiOperation operation) =>
        operation.RequestBody!.Content!["application/json"].Example!.ToJsonString();
}
