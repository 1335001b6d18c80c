using System.Net;
using System.Text;
using System.Text.Json;
using CivicData.Catalog.Accounts;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CivicData.Web.Tests.Soda;

/// <summary>
/// SODA's producer API over real HTTP (soda.md §2.2, §8, §9). Every expected count below was worked out by hand from
/// the three-row dataset written here and the body each test sends.
/// </summary>
[Collection(ProducerCollection.Name)]
public sealed class SodaProducerTests(ProducerFixture portal)
{
    private const string Inspections =
        """
        code,name,score,open,inspected
        A1,Alpha,10,true,2024-01-05
        B2,Bravo,20,false,2024-02-10
        C3,Charlie,30,true,2024-03-15
        """;

    private static readonly Dictionary<string, SodaType> s_types = new()
    {
        ["code"] = SodaType.Text,
        ["name"] = SodaType.Text,
        ["score"] = SodaType.Number,
        ["open"] = SodaType.Checkbox,
        ["inspected"] = SodaType.FloatingTimestamp,
    };

    [Fact]
    public async Task Upsert_by_row_identifier_updates_creates_and_deletes_and_counts_each()
    {
        DatasetId id = await portal.PublishAsync(Inspections, s_types, "code");
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);

        using HttpResponseMessage response = await SendAsync(HttpMethod.Post, $"/resource/{id}.json",
            """[{"code":"A1","score":11},{"code":"D4","name":"Delta","score":40},{"code":"B2",":deleted":true}]""", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        AssertCounts(await response.Content.ReadAsStringAsync(), byRowIdentifier: 3, updated: 1, deleted: 1, created: 1, errors: 0, bySid: 0);
        JsonElement[] rows = await RowsAsync(id, "$order=code");
        Assert.Equal(["A1", "C3", "D4"], rows.Select(row => row.GetProperty("code").GetString()));
        // Only the fields sent change: A1 keeps its name, flag and date.
        Assert.Equal("Alpha", rows[0].GetProperty("name").GetString());
        Assert.Equal(11m, decimal.Parse(rows[0].GetProperty("score").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(rows[0].GetProperty("open").GetBoolean());
        Assert.Equal("2024-01-05T00:00:00.000", rows[0].GetProperty("inspected").GetString());
        Assert.Equal("Delta", rows[2].GetProperty("name").GetString());
        Assert.False(rows[2].TryGetProperty("open", out _));
    }

    [Fact]
    public async Task A_field_sent_as_null_becomes_null_and_an_updated_row_keeps_its_id()
    {
        DatasetId id = await portal.PublishAsync(Inspections, s_types, "code");
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);
        string before = (await RowsAsync(id, "$select=:id&$where=code='A1'"))[0].GetProperty(":id").GetString()!;

        using HttpResponseMessage response = await SendAsync(HttpMethod.Post, $"/resource/{id}", """[{"code":"A1","name":null}]""", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement row = (await RowsAsync(id, "$select=:id,name,score&$where=code='A1'"))[0];
        Assert.False(row.TryGetProperty("name", out _));
        Assert.Equal("10", row.GetProperty("score").GetString());
        Assert.Equal(before, row.GetProperty(":id").GetString());
    }

    [Fact]
    public async Task Replaying_an_upsert_turns_creates_into_updates_and_a_second_delete_into_an_error()
    {
        DatasetId id = await portal.PublishAsync(Inspections, s_types, "code");
        IssuedApiKey key = await portal.KeyAsync(Role.Admin, null);
        const string Body = """[{"code":"D4","name":"Delta"},{"code":"C3",":deleted":true}]""";

        using HttpResponseMessage first = await SendAsync(HttpMethod.Post, $"/resource/{id}.json", Body, key);
        using HttpResponseMessage second = await SendAsync(HttpMethod.Post, $"/resource/{id}.json", Body, key);

        AssertCounts(await first.Content.ReadAsStringAsync(), byRowIdentifier: 2, updated: 0, deleted: 1, created: 1, errors: 0, bySid: 0);
        AssertCounts(await second.Content.ReadAsStringAsync(), byRowIdentifier: 2, updated: 1, deleted: 0, created: 0, errors: 1, bySid: 0);
        Assert.Equal(["A1", "B2", "D4"], (await RowsAsync(id, "$order=code")).Select(row => row.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Without_a_row_identifier_rows_are_matched_by_id_and_rows_without_one_are_created()
    {
        DatasetId id = await portal.PublishAsync("name,amount\nx,1\ny,2\nz,3\n", new Dictionary<string, SodaType> { ["name"] = SodaType.Text, ["amount"] = SodaType.Number }, null);
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);
        Dictionary<string, string> ids = (await RowsAsync(id, "$select=:id,name"))
            .ToDictionary(row => row.GetProperty("name").GetString()!, row => row.GetProperty(":id").GetString()!);
        string body = $$"""
            [{":id":"{{ids["x"]}}","amount":5},{"name":"w","amount":7},{":id":"row-nope","amount":1},{":id":"{{ids["y"]}}",":deleted":true}]
            """;

        using HttpResponseMessage response = await SendAsync(HttpMethod.Post, $"/resource/{id}.json", body, key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCounts(await response.Content.ReadAsStringAsync(), byRowIdentifier: 0, updated: 1, deleted: 1, created: 1, errors: 1, bySid: 3);
        JsonElement[] rows = await RowsAsync(id, "$order=name");
        Assert.Equal(["w", "x", "z"], rows.Select(row => row.GetProperty("name").GetString()));
        Assert.Equal(["7", "5", "3"], rows.Select(row => row.GetProperty("amount").GetString()));
    }

    [Fact]
    public async Task A_csv_body_upserts_like_json()
    {
        DatasetId id = await portal.PublishAsync(Inspections, s_types, "code");
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);

        using HttpResponseMessage response = await SendAsync(HttpMethod.Post, $"/resource/{id}.json", "code,score,open\nA1,99,false\nE5,50,true\n", key, "text/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCounts(await response.Content.ReadAsStringAsync(), byRowIdentifier: 2, updated: 1, deleted: 0, created: 1, errors: 0, bySid: 0);
        JsonElement[] rows = await RowsAsync(id, "$where=code in ('A1','E5')&$order=code");
        Assert.Equal(["99", "50"], rows.Select(row => row.GetProperty("score").GetString()));
        Assert.Equal([false, true], rows.Select(row => row.GetProperty("open").GetBoolean()));
    }

    [Fact]
    public async Task Put_replaces_every_row()
    {
        DatasetId id = await portal.PublishAsync(Inspections, s_types, "code");
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);

        using HttpResponseMessage response = await SendAsync(HttpMethod.Put, $"/resource/{id}.json",
            """[{"code":"Z9","name":"Zulu","score":"1.5"},{"code":"Y8","inspected":"2020-06-01T12:30:00"}]""", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCounts(await response.Content.ReadAsStringAsync(), byRowIdentifier: 0, updated: 0, deleted: 0, created: 2, errors: 0, bySid: 0);
        JsonElement[] rows = await RowsAsync(id, "$order=code");
        Assert.Equal(["Y8", "Z9"], rows.Select(row => row.GetProperty("code").GetString()));
        Assert.Equal("2020-06-01T12:30:00.000", rows[0].GetProperty("inspected").GetString());
        Assert.Equal(1.5m, decimal.Parse(rows[1].GetProperty("score").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Delete_removes_one_row_and_a_missing_row_is_404()
    {
        DatasetId id = await portal.PublishAsync(Inspections, s_types, "code");
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);

        using HttpResponseMessage deleted = await SendAsync(HttpMethod.Delete, $"/resource/{id}/C3", null, key);
        using HttpResponseMessage again = await SendAsync(HttpMethod.Delete, $"/resource/{id}/C3.json", null, key);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        AssertCounts(await deleted.Content.ReadAsStringAsync(), byRowIdentifier: 1, updated: 0, deleted: 1, created: 0, errors: 0, bySid: 0);
        Assert.Equal(["A1", "B2"], (await RowsAsync(id, "$order=code")).Select(row => row.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using JsonDocument error = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal("query.row.does-not-exist", error.RootElement.GetProperty("code").GetString());
        Assert.True(error.RootElement.GetProperty("error").GetBoolean());
    }

    [Fact]
    public async Task Single_row_post_updates_the_fields_sent_and_single_row_put_clears_the_rest()
    {
        DatasetId id = await portal.PublishAsync(Inspections, s_types, "code");
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);

        using HttpResponseMessage update = await SendAsync(HttpMethod.Post, $"/resource/{id}/A1", """{"score":99}""", key);
        using HttpResponseMessage replace = await SendAsync(HttpMethod.Put, $"/resource/{id}/B2.json", """[{"name":"Bee"}]""", key);
        using HttpResponseMessage twoRows = await SendAsync(HttpMethod.Post, $"/resource/{id}/C3", """[{"score":1},{"score":2}]""", key);

        AssertCounts(await update.Content.ReadAsStringAsync(), byRowIdentifier: 1, updated: 1, deleted: 0, created: 0, errors: 0, bySid: 0);
        AssertCounts(await replace.Content.ReadAsStringAsync(), byRowIdentifier: 1, updated: 1, deleted: 0, created: 0, errors: 0, bySid: 0);
        Assert.Equal(HttpStatusCode.BadRequest, twoRows.StatusCode);
        JsonElement[] rows = await RowsAsync(id, "$order=code");
        Assert.Equal("Alpha", rows[0].GetProperty("name").GetString());
        Assert.Equal("99", rows[0].GetProperty("score").GetString());
        // B2 replaced: only code (from the path) and name are left.
        Assert.Equal(["code", "name"], rows[1].EnumerateObject().Select(property => property.Name).Order());
        Assert.Equal("Bee", rows[1].GetProperty("name").GetString());
        Assert.Equal("30", rows[2].GetProperty("score").GetString());
    }

    [Fact]
    public async Task Delete_of_the_dataset_path_empties_it_and_keeps_its_columns()
    {
        DatasetId id = await portal.PublishAsync(Inspections, s_types, "code");
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);

        using HttpResponseMessage response = await SendAsync(HttpMethod.Delete, $"/resource/{id}", null, key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCounts(await response.Content.ReadAsStringAsync(), byRowIdentifier: 0, updated: 0, deleted: 3, created: 0, errors: 0, bySid: 0);
        Assert.Empty(await RowsAsync(id, "$order=code"));
        using HttpResponseMessage view = await portal.Client.GetAsync($"/api/views/{id}.json");
        Assert.Equal(5, JsonDocument.Parse(await view.Content.ReadAsStringAsync()).RootElement.GetProperty("columns").GetArrayLength());
    }

    [Theory]
    [InlineData("""[{"code":"A1","score":11},{"code":"B2","score":"lots"}]""", "row.invalid-value")]
    [InlineData("""[{"code":"A1","open":"maybe"}]""", "row.invalid-value")]
    [InlineData("""[{"code":"A1","score":11},{"code":"B2","colour":"red"}]""", "row.unknown-column")]
    [InlineData("""[{"code":"D4"},{"code":"D4","name":"twice"}]""", "row.invalid-value")]
    [InlineData("""{"rows": [""", "row.malformed")]
    public async Task A_bad_row_is_400_in_sodas_shape_and_changes_nothing(string body, string code)
    {
        DatasetId id = await portal.PublishAsync(Inspections, s_types, "code");
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);
        string before = await RawRowsAsync(id);
        string versionBefore = await ViewVersionAsync(id);

        using HttpResponseMessage response = await SendAsync(HttpMethod.Post, $"/resource/{id}.json", body, key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, error.RootElement.GetProperty("code").GetString());
        Assert.Equal(code, error.RootElement.GetProperty("errorCode").GetString());
        Assert.True(error.RootElement.GetProperty("error").GetBoolean());
        Assert.False(string.IsNullOrEmpty(error.RootElement.GetProperty("message").GetString()));
        Assert.Equal(before, await RawRowsAsync(id));
        Assert.Equal(versionBefore, await ViewVersionAsync(id));
    }

    [Fact]
    public async Task Anonymous_writes_are_told_to_log_in_and_other_organisations_are_refused()
    {
        DatasetId id = await portal.PublishAsync(Inspections, s_types, "code");
        IssuedApiKey otherOrganisation = await portal.KeyAsync(Role.Publisher, "Parks");
        IssuedApiKey viewer = await portal.KeyAsync(Role.Viewer, ProducerFixture.Department);
        IssuedApiKey editor = await portal.KeyAsync(Role.Editor, ProducerFixture.Department);
        const string Body = """[{"code":"A1","score":1}]""";
        string before = await RawRowsAsync(id);

        using HttpResponseMessage anonymous = await SendAsync(HttpMethod.Post, $"/resource/{id}.json", Body, key: null);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        using (JsonDocument error = JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync()))
        {
            Assert.Equal("You must be logged in to access this resource", error.RootElement.GetProperty("message").GetString());
            Assert.True(error.RootElement.GetProperty("error").GetBoolean());
        }

        foreach (IssuedApiKey key in new[] { otherOrganisation, viewer, editor })
        {
            using HttpResponseMessage refused = await SendAsync(HttpMethod.Post, $"/resource/{id}.json", Body, key);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            using JsonDocument error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal("permission_denied", error.RootElement.GetProperty("code").GetString());
        }

        using HttpResponseMessage deleteRow = await SendAsync(HttpMethod.Delete, $"/resource/{id}/A1", null, key: null);
        Assert.Equal(HttpStatusCode.Forbidden, deleteRow.StatusCode);
        Assert.Equal(before, await RawRowsAsync(id));
    }

    [Fact]
    public async Task A_private_dataset_stays_404_to_callers_who_may_not_see_it()
    {
        DatasetId id = await portal.PublishAsync(Inspections, s_types, "code", isPrivate: true);
        IssuedApiKey outsider = await portal.KeyAsync(Role.Publisher, "Parks");
        IssuedApiKey insider = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);
        const string Body = """[{"code":"A1","score":1}]""";

        using HttpResponseMessage anonymous = await SendAsync(HttpMethod.Post, $"/resource/{id}.json", Body, key: null);
        using HttpResponseMessage other = await SendAsync(HttpMethod.Put, $"/resource/{id}.json", Body, outsider);
        using HttpResponseMessage own = await SendAsync(HttpMethod.Post, $"/resource/{id}.json", Body, insider);

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Every_successful_write_is_audited_with_the_users_email_and_the_counts()
    {
        DatasetId id = await portal.PublishAsync(Inspections, s_types, "code");
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);

        using HttpResponseMessage upsert = await SendAsync(HttpMethod.Post, $"/resource/{id}.json", """[{"code":"N1","name":"New"}]""", key);
        using HttpResponseMessage delete = await SendAsync(HttpMethod.Delete, $"/resource/{id}/A1", null, key);

        Assert.Equal(HttpStatusCode.OK, upsert.StatusCode);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        IReadOnlyList<AuditEntry> log = await portal.App.Services.GetRequiredService<IAccountStore>().ListAuditAsync(200, CancellationToken.None);
        AuditEntry upserted = Assert.Single(log, entry => entry.Target == id.Value && entry.Action == "dataset.upsert");
        Assert.Equal(key.User.Email, upserted.Actor);
        using JsonDocument details = JsonDocument.Parse(upserted.Details);
        Assert.Equal(1, details.RootElement.GetProperty("rowsCreated").GetInt64());
        Assert.Equal(0, details.RootElement.GetProperty("rowsUpdated").GetInt64());
        Assert.Single(log, entry => entry.Target == id.Value && entry.Action == "dataset.delete-row" && entry.Actor == key.User.Email);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_changes_nothing()
    {
        DatasetId id = await portal.PublishAsync(Inspections, s_types, "code");
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);
        string before = await RawRowsAsync(id);
        var body = new StringBuilder("[");
        for (int i = 0; body.Length <= ProducerFixture.MaxBodyBytes; i++)
        {
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"{{\"code\":\"K{i}\",\"name\":\"padding padding padding\"}},");
        }

        body.Append("""{"code":"last"}]""");

        using HttpResponseMessage response = await SendAsync(HttpMethod.Post, $"/resource/{id}.json", body.ToString(), key);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using JsonDocument error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("request.too-large", error.RootElement.GetProperty("code").GetString());
        Assert.Equal(before, await RawRowsAsync(id));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, IssuedApiKey? key, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        if (key is not null)
        {
            request.Headers.Authorization = ProducerFixture.Basic(key);
        }

        return await portal.Client.SendAsync(request);
    }

    private async Task<JsonElement[]> RowsAsync(DatasetId id, string query)
    {
        using JsonDocument document = JsonDocument.Parse(await RawRowsAsync(id, query));
        return [.. document.RootElement.EnumerateArray().Select(row => row.Clone())];
    }

    /// <summary>The rows as an admin reads them, every system field included, so any change shows.</summary>
    private async Task<string> RawRowsAsync(DatasetId id, string query = "$select=:*,*&$order=:id")
    {
        using HttpResponseMessage response = await portal.Client.GetAsync($"/resource/{id}.json?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string> ViewVersionAsync(DatasetId id)
    {
        using HttpResponseMessage response = await portal.Client.GetAsync($"/api/views/{id}.json");
        using JsonDocument view = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return view.RootElement.GetProperty("oid").GetRawText();
    }

    private static void AssertCounts(string json, long byRowIdentifier, long updated, long deleted, long created, long errors, long bySid)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        Assert.Equal(
            ["By RowIdentifier", "Rows Updated", "Rows Deleted", "Rows Created", "Errors", "By SID"],
            root.EnumerateObject().Select(property => property.Name));
        Assert.Equal(
            [byRowIdentifier, updated, deleted, created, errors, bySid],
            root.EnumerateObject().Select(property => property.Value.GetInt64()));
    }
}
