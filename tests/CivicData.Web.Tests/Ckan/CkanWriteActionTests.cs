using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CivicData.Catalog.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace CivicData.Web.Tests.Ckan;

/// <summary>package_create, package_patch, package_update, package_delete and resource_create over real HTTP.</summary>
public sealed class CkanWriteActionTests(CkanWriteFixture portal) : IClassFixture<CkanWriteFixture>
{
    private const string Action = "/api/3/action/";

    [Fact]
    public async Task An_anonymous_create_is_an_authorization_error_and_a_get_is_refused()
    {
        (HttpStatusCode status, JsonElement body) = await PostAsync("package_create", """{"name":"anon-data"}""", key: null);
        using HttpResponseMessage get = await portal.Client.GetAsync(new Uri(Action + "package_create?name=x-y", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Authorization Error", body.GetProperty("error").GetProperty("__type").GetString());
        Assert.StartsWith("Access denied", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
    }

    [Fact]
    public async Task A_created_package_is_a_draft_until_a_file_is_uploaded_and_then_everyone_sees_its_rows()
    {
        JsonElement created = await ResultAsync("package_create", """
            {"name":"food-trucks","title":"Food truck permits","notes":"Mobile vendors.","owner_org":"public-health",
             "license_id":"cc-by","tags":[{"name":"food"},{"name":"permits"}],"maintainer":"Permit desk",
             "maintainer_email":"permits@health.example",
             "extras":[{"key":"temporal","value":"2024-01-01/2024-12-31"},{"key":"accrualPeriodicity","value":"R/P1M"}]}
            """, portal.HealthPublisher);
        string id = created.GetProperty("id").GetString()!;

        Assert.Matches("^[a-z0-9]{4}-[a-z0-9]{4}$", id);
        Assert.Equal("draft", created.GetProperty("state").GetString());
        Assert.Equal("Food truck permits", created.GetProperty("title").GetString());
        Assert.Equal("public-health", created.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal("cc-by", created.GetProperty("license_id").GetString());
        Assert.Equal("Permit desk", created.GetProperty("maintainer").GetString());
        Assert.Equal(0, created.GetProperty("num_resources").GetInt32());
        Dictionary<string, string?> extras = created.GetProperty("extras").EnumerateArray()
            .ToDictionary(extra => extra.GetProperty("key").GetString()!, extra => extra.GetProperty("value").GetString());
        Assert.Equal("2024-01-01/2024-12-31", extras["temporal"]);
        Assert.Equal("R/P1M", extras["accrualPeriodicity"]);
        Assert.Equal("Permit desk", extras["contact_name"]);
        Assert.Equal(extras.Keys.Order(StringComparer.Ordinal), extras.Keys);
        Assert.Equal(["food", "permits"], created.GetProperty("tags").EnumerateArray().Select(tag => tag.GetProperty("name").GetString()).Order());
        (HttpStatusCode draftStatus, _) = await GetAsync("package_show?id=" + id);
        Assert.Equal(HttpStatusCode.NotFound, draftStatus);

        JsonElement resource = await UploadAsync(id, "trucks.csv", "permit,vendor,fee\nP-1,Taco Uno,120\nP-2,Dim Sum Go,95.5\nP-3,Crepe Co,80\n", portal.HealthPublisher);

        Assert.Equal(id, resource.GetProperty("id").GetString());
        Assert.True(resource.GetProperty("datastore_active").GetBoolean());
        (HttpStatusCode shownStatus, JsonElement shown) = await GetAsync("package_show?id=" + id);
        Assert.Equal(HttpStatusCode.OK, shownStatus);
        Assert.Equal("active", shown.GetProperty("result").GetProperty("state").GetString());
        using JsonDocument rows = JsonDocument.Parse(await portal.Client.GetStringAsync(new Uri($"/resource/{id}.json?$order=permit", UriKind.Relative)));
        Assert.Equal(["Taco Uno", "Dim Sum Go", "Crepe Co"], rows.RootElement.EnumerateArray().Select(row => row.GetProperty("vendor").GetString()));

        IReadOnlyList<AuditEntry> audit = await portal.App.Services.GetRequiredService<IAccountStore>().ListAuditAsync(50, CancellationToken.None);
        Assert.Contains(audit, entry => entry is { Action: "dataset.create", Actor: "pub@health.example" } && entry.Target == id);
        Assert.Contains(audit, entry => entry is { Action: "dataset.replace", Actor: "pub@health.example" } && entry.Target == id);
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields_and_update_clears_the_omitted_ones()
    {
        string id = await CreateAsync("patch-me", """ "notes":"Kept by patch.","tags":[{"name":"alpha"}] """);

        JsonElement patched = await ResultAsync("package_patch", $$"""{"id":"{{id}}","title":"Patched title"}""", portal.HealthPublisher);
        JsonElement updated = await ResultAsync("package_update", $$"""{"id":"{{id}}","title":"Updated title"}""", portal.HealthPublisher);

        Assert.Equal("Patched title", patched.GetProperty("title").GetString());
        Assert.Equal("Kept by patch.", patched.GetProperty("notes").GetString());
        Assert.Equal(1, patched.GetProperty("num_tags").GetInt32());
        Assert.Equal("Updated title", updated.GetProperty("title").GetString());
        Assert.Equal("", updated.GetProperty("notes").GetString());
        Assert.Equal(0, updated.GetProperty("num_tags").GetInt32());
        Assert.Equal("public-health", updated.GetProperty("owner_org").GetString());
    }

    [Fact]
    public async Task Bad_fields_are_validation_errors_keyed_by_field_and_change_nothing()
    {
        string id = await CreateAsync("vali-d001", "");

        (HttpStatusCode emailStatus, JsonElement email) = await PostAsync("package_patch", $$"""{"id":"{{id}}","maintainer_email":"not-an-email"}""", portal.HealthPublisher);
        (HttpStatusCode nameStatus, JsonElement name) = await PostAsync("package_create", """{"name":"Bad Name!"}""", portal.HealthPublisher);
        (HttpStatusCode takenStatus, JsonElement taken) = await PostAsync("package_create", """{"name":"vali-d001","owner_org":"public-health"}""", portal.HealthPublisher);
        (HttpStatusCode orgStatus, JsonElement org) = await PostAsync("package_create", """{"name":"no-such-org","owner_org":"ministry-of-magic"}""", portal.HealthPublisher);

        Assert.Equal(HttpStatusCode.Conflict, emailStatus);
        Assert.Equal("Validation Error", email.GetProperty("error").GetProperty("__type").GetString());
        Assert.True(email.GetProperty("error").TryGetProperty("maintainer_email", out _), email.ToString());
        Assert.Equal(HttpStatusCode.Conflict, nameStatus);
        Assert.Contains("lowercase alphanumeric", name.GetProperty("error").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, takenStatus);
        Assert.Equal("That URL is already in use.", taken.GetProperty("error").GetProperty("name")[0].GetString());
        Assert.Equal(HttpStatusCode.Conflict, orgStatus);
        Assert.Equal("Organization does not exist", org.GetProperty("error").GetProperty("owner_org")[0].GetString());
        JsonElement unchanged = await ResultAsync("package_patch", $$"""{"id":"{{id}}"}""", portal.HealthPublisher);
        Assert.Null(unchanged.GetProperty("maintainer_email").GetString());
    }

    [Fact]
    public async Task Publishers_of_another_organisation_and_editors_making_things_public_are_refused()
    {
        (HttpStatusCode outsider, _) = await PostAsync("package_patch", $$"""{"id":"{{CkanWriteFixture.Inspections}}","title":"Hijacked"}""", portal.WorksPublisher);
        (HttpStatusCode editorPublic, _) = await PostAsync("package_create", """{"name":"editor-public","owner_org":"public-health","private":false}""", portal.HealthEditor);
        (HttpStatusCode editorPrivate, JsonElement draft) = await PostAsync("package_create", """{"name":"editor-private","owner_org":"public-health","private":true}""", portal.HealthEditor);

        Assert.Equal(HttpStatusCode.Forbidden, outsider);
        Assert.Equal(HttpStatusCode.Forbidden, editorPublic);
        Assert.Equal(HttpStatusCode.OK, editorPrivate);
        Assert.True(draft.GetProperty("result").GetProperty("private").GetBoolean());
        (_, JsonElement show) = await GetAsync("package_show?id=" + CkanWriteFixture.Inspections);
        Assert.Equal("Restaurant Inspection Scores, San Francisco", show.GetProperty("result").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_bad_upload_leaves_the_current_rows_as_they_were()
    {
        string id = await CreateAsync("upload-twice", "");
        await UploadAsync(id, "good.csv", "a,b\n1,x\n2,y\n", portal.HealthPublisher);

        (HttpStatusCode status, JsonElement body) = await UploadRawAsync(id, "broken.json", """[{"a": 1}, {"a": """, portal.HealthPublisher);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Validation Error", body.GetProperty("error").GetProperty("__type").GetString());
        using JsonDocument count = JsonDocument.Parse(await portal.Client.GetStringAsync(new Uri($"/resource/{id}.json?$select=count(*)", UriKind.Relative)));
        Assert.Equal("2", count.RootElement[0].GetProperty("count").GetString());
    }

    [Fact]
    public async Task A_deleted_package_vanishes_from_show_and_search()
    {
        string id = await CreateAsync("delete-me", "");
        await UploadAsync(id, "d.csv", "k\n1\n", portal.HealthPublisher);
        (_, JsonElement before) = await GetAsync("package_search?q=delete-me&rows=1000");

        (HttpStatusCode status, JsonElement deleted) = await PostAsync("package_delete", $$"""{"id":"{{id}}"}""", portal.HealthPublisher);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Null, deleted.GetProperty("result").ValueKind);
        Assert.Contains(id, before.GetProperty("result").GetProperty("results").EnumerateArray().Select(package => package.GetProperty("id").GetString()));
        (HttpStatusCode show, _) = await GetAsync("package_show?id=" + id);
        Assert.Equal(HttpStatusCode.NotFound, show);
        (_, JsonElement list) = await GetAsync("package_list");
        Assert.DoesNotContain(id, list.GetProperty("result").EnumerateArray().Select(name => name.GetString()));
        (HttpStatusCode again, _) = await PostAsync("package_delete", $$"""{"id":"{{id}}"}""", portal.HealthPublisher);
        Assert.Equal(HttpStatusCode.NotFound, again);
    }

    private async Task<string> CreateAsync(string name, string moreFields)
    {
        string extra = moreFields.Trim().Length > 0 ? "," + moreFields : "";
        JsonElement created = await ResultAsync("package_create", $$"""{"name":"{{name}}","owner_org":"public-health"{{extra}}}""", portal.HealthPublisher);
        return created.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> UploadAsync(string id, string fileName, string content, IssuedApiKey key)
    {
        (HttpStatusCode status, JsonElement body) = await UploadRawAsync(id, fileName, content, key);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("result");
    }

    private async Task<(HttpStatusCode, JsonElement)> UploadRawAsync(string id, string fileName, string content, IssuedApiKey key)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(id), "package_id" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "upload", fileName },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, Action + "resource_create") { Content = form };
        request.Headers.TryAddWithoutValidation("Authorization", key.Token);
        return await SendAsync(request);
    }

    private async Task<JsonElement> ResultAsync(string action, string json, IssuedApiKey key)
    {
        (HttpStatusCode status, JsonElement body) = await PostAsync(action, json, key);
        Assert.True(status == HttpStatusCode.OK, $"{action} answered {(int)status}: {body}");
        Assert.True(body.GetProperty("success").GetBoolean());
        return body.GetProperty("result");
    }

    private async Task<(HttpStatusCode, JsonElement)> PostAsync(string action, string json, IssuedApiKey? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Action + action) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            // ckanapi sends the raw token in both headers.
            request.Headers.TryAddWithoutValidation("Authorization", key.Token);
            request.Headers.Add("X-CKAN-API-Key", key.Token);
        }

        return await SendAsync(request);
    }

    private async Task<(HttpStatusCode, JsonElement)> GetAsync(string actionAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Action + actionAndQuery);
        return await SendAsync(request);
    }

    private async Task<(HttpStatusCode, JsonElement)> SendAsync(HttpRequestMessage request)
    {
        using HttpResponseMessage response = await portal.Client.SendAsync(request);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }
}
