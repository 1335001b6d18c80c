using System.Net;
using System.Text;
using System.Text.Json;
using CivicData.Catalog;
using CivicData.Catalog.Accounts;
using CivicData.Catalog.Datasets;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;
using CivicData.Web.Tests.Soda;
using Microsoft.Extensions.DependencyInjection;

namespace CivicData.Web.Tests.Views;

/// <summary>Metadata editing over SODA (soda.md §2.3, §2.4), against the producer fixture's own portal.</summary>
[Collection(ProducerCollection.Name)]
public sealed class MetadataEditTests(ProducerFixture portal)
{
    private const string Every =
        """
        {"name":"Renamed","description":"New description","category":"Health","tags":["potholes","streets"],
         "license":"Public Domain","attribution":"City of Example","attributionLink":"https://city.example/",
         "contactEmail":"data@city.example",
         "customFields":{"Dataset Information":{"Department":"Public Works"},
          "Common Core":{"Publisher":"Department of Public Works","Sub Organization Of":"City of Example","Contact Name":"Data Team",
           "Public Access Level":"public","Temporal":"2018-01-01/2018-12-31","Spatial":"-118.7,33.7,-118.1,34.4",
           "Frequency":"R/P1D","Issued":"2018-02-01","Language":["en-US","es"],"Landing Page":"https://city.example/311",
           "License URL":"https://opendatacommons.org/licenses/pddl/","Rights":"Open to all","Bureau Code":"015:11",
           "Program Code":"015:001","Theme":"Transport, Safety","Conforms To":"https://open311.org/",
           "Described By":"https://city.example/dictionary.pdf","Described By Type":"application/pdf",
           "References":"https://city.example/a, https://city.example/b","Data Quality":true,
           "System of Records":"https://city.example/sorn","Is Part Of":"city-311","Primary IT Investment UII":"015-000000001"}}}
        """;

    [Fact]
    public async Task Patch_sets_every_metadata_field_and_the_get_side_shows_them()
    {
        DatasetId id = await PublishAsync();
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);

        using HttpResponseMessage response = await SendAsync(HttpMethod.Patch, $"/api/views/metadata/v1/{id}", Every, key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        DatasetMetadata stored = (await portal.App.Services.GetRequiredService<ICatalogStore>().FindDatasetAsync(id, CancellationToken.None))!.Metadata;
        Assert.Equal("Renamed", stored.Title);
        Assert.Equal("New description", stored.Description);
        Assert.Equal("Health", stored.Category);
        Assert.Equal(["potholes", "streets"], stored.Tags.ToArray());
        Assert.Equal("Public Domain", stored.License);
        Assert.Equal("https://opendatacommons.org/licenses/pddl/", stored.LicenseUrl);
        Assert.Equal("City of Example", stored.Attribution);
        Assert.Equal("https://city.example/", stored.AttributionLink);
        Assert.Equal("data@city.example", stored.ContactEmail);
        Assert.Equal(Visibility.Public, stored.Visibility);
        Assert.Equal("Public Works", stored.Department);
        Assert.Equal("Department of Public Works", stored.Publisher);
        Assert.Equal("City of Example", stored.PublisherParent);
        Assert.Equal("Data Team", stored.ContactName);
        Assert.Equal("2018-01-01/2018-12-31", stored.Temporal);
        Assert.Equal("-118.7,33.7,-118.1,34.4", stored.Spatial);
        Assert.Equal("R/P1D", stored.AccrualPeriodicity);
        Assert.Equal(new DateOnly(2018, 2, 1), stored.Issued);
        Assert.Equal(["en-US", "es"], stored.Languages.ToArray());
        Assert.Equal("https://city.example/311", stored.LandingPage);
        Assert.Equal("Open to all", stored.Rights);
        Assert.Equal(["015:11"], stored.BureauCodes.ToArray());
        Assert.Equal(["015:001"], stored.ProgramCodes.ToArray());
        Assert.Equal(["Transport", "Safety"], stored.Themes.ToArray());
        Assert.Equal("https://open311.org/", stored.ConformsTo);
        Assert.Equal("https://city.example/dictionary.pdf", stored.DescribedBy);
        Assert.Equal("application/pdf", stored.DescribedByType);
        Assert.Equal(["https://city.example/a", "https://city.example/b"], stored.References.ToArray());
        Assert.True(stored.DataQuality);
        Assert.Equal("https://city.example/sorn", stored.SystemOfRecords);
        Assert.Equal("city-311", stored.IsPartOf);
        Assert.Equal("015-000000001", stored.PrimaryItInvestmentUii);

        // The answer is the GET object, and both carry the fields as Socrata custom fields.
        string answered = await response.Content.ReadAsStringAsync();
        using HttpResponseMessage get = await portal.Client.GetAsync($"/api/views/metadata/v1/{id}");
        string read = await get.Content.ReadAsStringAsync();
        Assert.Equal(read, answered);
        using JsonDocument metadata = JsonDocument.Parse(read);
        JsonElement core = metadata.RootElement.GetProperty("customFields").GetProperty("Common Core");
        Assert.Equal("Department of Public Works", core.GetProperty("Publisher").GetString());
        Assert.Equal("en-US, es", core.GetProperty("Language").GetString());
        Assert.Equal("R/P1D", core.GetProperty("Frequency").GetString());
        Assert.Equal("true", core.GetProperty("Data Quality").GetString());
        Assert.Equal("Renamed", metadata.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Sending_back_what_get_answered_changes_nothing_even_when_strict()
    {
        DatasetId id = await PublishAsync();
        IssuedApiKey key = await portal.KeyAsync(Role.Admin, null);
        using (HttpResponseMessage first = await SendAsync(HttpMethod.Patch, $"/api/views/metadata/v1/{id}", Every, key))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        DatasetMetadata before = await MetadataAsync(id);
        using HttpResponseMessage get = await portal.Client.GetAsync($"/api/views/metadata/v1/{id}");
        using HttpResponseMessage again = await SendAsync(HttpMethod.Patch, $"/api/views/metadata/v1/{id}?strict=true", await get.Content.ReadAsStringAsync(), key);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        DatasetMetadata after = await MetadataAsync(id);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(after));
    }

    [Fact]
    public async Task Validate_only_answers_the_would_be_result_and_saves_nothing()
    {
        DatasetId id = await PublishAsync();
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);

        using HttpResponseMessage response = await SendAsync(HttpMethod.Patch, $"/api/views/metadata/v1/{id}?validateOnly=true", """{"name":"Maybe"}""", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Maybe", answer.RootElement.GetProperty("name").GetString());
        Assert.Equal("Producer test " + id.Value, (await MetadataAsync(id)).Title);
    }

    [Theory]
    [InlineData("""{"customFields":{"Common Core":{"Contact Email":"not-an-email"}}}""", "contactEmail")]
    [InlineData("""{"customFields":{"Common Core":{"Temporal":"last year"}}}""", "temporal")]
    [InlineData("""{"customFields":{"Common Core":{"Issued":"soon"}}}""", "Issued")]
    [InlineData("""{"customFields":{"Common Core":{"Bureau Code":"15-11"}}}""", "bureauCodes[0]")]
    [InlineData("""{"customFields":{"Common Core":{"Public Access Level":"restricted public"}}}""", "Public Access Level")]
    [InlineData("""{"name":"","attributionLink":"not a link"}""", "attributionLink")]
    [InlineData("""{"tags":"one"}""", "tags")]
    public async Task A_bad_value_is_400_naming_its_field_and_changes_nothing(string body, string field)
    {
        DatasetId id = await PublishAsync();
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);
        DatasetMetadata before = await MetadataAsync(id);

        using HttpResponseMessage response = await SendAsync(HttpMethod.Patch, $"/api/views/metadata/v1/{id}", body, key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("metadata.invalid", error.RootElement.GetProperty("code").GetString());
        Assert.True(error.RootElement.GetProperty("error").GetBoolean());
        Assert.Contains(field, error.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await MetadataAsync(id)));
    }

    [Fact]
    public async Task Unknown_fields_are_ignored_unless_strict()
    {
        DatasetId id = await PublishAsync();
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);
        const string Body = """{"category":"Streets","colour":"red","customFields":{"Common Core":{"Mood":"calm"}}}""";

        using HttpResponseMessage strict = await SendAsync(HttpMethod.Patch, $"/api/views/metadata/v1/{id}?strict=true", Body, key);
        Assert.Equal(HttpStatusCode.BadRequest, strict.StatusCode);
        string message = JsonDocument.Parse(await strict.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString()!;
        Assert.Contains("colour", message, StringComparison.Ordinal);
        Assert.Contains("Mood", message, StringComparison.Ordinal);
        Assert.Null((await MetadataAsync(id)).Category);

        using HttpResponseMessage lenient = await SendAsync(HttpMethod.Patch, $"/api/views/metadata/v1/{id}", Body, key);
        Assert.Equal(HttpStatusCode.OK, lenient.StatusCode);
        Assert.Equal("Streets", (await MetadataAsync(id)).Category);
    }

    [Fact]
    public async Task Only_publishers_of_the_organisation_may_edit_and_private_datasets_stay_hidden()
    {
        DatasetId id = await PublishAsync();
        DatasetId hidden = await PublishAsync(isPrivate: true);
        IssuedApiKey outsider = await portal.KeyAsync(Role.Publisher, "Parks");
        IssuedApiKey editor = await portal.KeyAsync(Role.Editor, ProducerFixture.Department);
        IssuedApiKey insider = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);
        const string Body = """{"name":"Taken"}""";

        using HttpResponseMessage anonymous = await SendAsync(HttpMethod.Patch, $"/api/views/metadata/v1/{id}", Body, key: null);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.Equal("You must be logged in to access this resource",
            JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
        foreach (IssuedApiKey key in new[] { outsider, editor })
        {
            using HttpResponseMessage refused = await SendAsync(HttpMethod.Patch, $"/api/views/metadata/v1/{id}", Body, key);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("permission_denied", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        }

        using HttpResponseMessage privateAnonymous = await SendAsync(HttpMethod.Patch, $"/api/views/metadata/v1/{hidden}", Body, key: null);
        using HttpResponseMessage privateOutsider = await SendAsync(HttpMethod.Put, $"/api/views/{hidden}.json", Body, outsider);
        Assert.Equal(HttpStatusCode.NotFound, privateAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, privateOutsider.StatusCode);

        // Giving the dataset to another organisation needs the right to publish there.
        using HttpResponseMessage away = await SendAsync(HttpMethod.Patch, $"/api/views/metadata/v1/{id}",
            """{"customFields":{"Dataset Information":{"Department":"Parks"}}}""", insider);
        Assert.Equal(HttpStatusCode.Forbidden, away.StatusCode);
        Assert.Equal("Producer test " + id.Value, (await MetadataAsync(id)).Title);
        Assert.Equal(ProducerFixture.Department, (await MetadataAsync(id)).Department);
    }

    [Fact]
    public async Task Marking_a_dataset_non_public_hides_it_from_anonymous_readers()
    {
        DatasetId id = await PublishAsync();
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);

        using HttpResponseMessage response = await SendAsync(HttpMethod.Patch, $"/api/views/metadata/v1/{id}",
            """{"customFields":{"Common Core":{"Public Access Level":"non-public"}}}""", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using HttpResponseMessage anonymous = await portal.Client.GetAsync($"/resource/{id}.json");
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
    }

    [Fact]
    public async Task Put_on_a_view_merges_its_keys_and_answers_the_view()
    {
        DatasetId id = await PublishAsync();
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);

        using HttpResponseMessage response = await SendAsync(HttpMethod.Put, $"/api/views/{id}.json",
            """{"name":"Via the view","license":{"name":"Public Domain","termsLink":"https://city.example/terms"},"columns":[],"metadata":{"custom_fields":{"Common Core":{"Publisher":"Streets Bureau"}}}}""", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument view = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Via the view", view.RootElement.GetProperty("name").GetString());
        Assert.Equal("Streets Bureau", view.RootElement.GetProperty("metadata").GetProperty("custom_fields").GetProperty("Common Core").GetProperty("Publisher").GetString());
        Assert.Equal(5, view.RootElement.GetProperty("columns").GetArrayLength());
        DatasetMetadata stored = await MetadataAsync(id);
        Assert.Equal("Public Domain", stored.License);
        Assert.Equal("https://city.example/terms", stored.LicenseUrl);
        Assert.Equal("Via the view", stored.Title);
    }

    [Fact]
    public async Task Every_saved_edit_is_audited_and_a_validate_only_one_is_not()
    {
        DatasetId id = await PublishAsync();
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);

        using HttpResponseMessage tried = await SendAsync(HttpMethod.Patch, $"/api/views/metadata/v1/{id}?validateOnly=true", """{"name":"Tried"}""", key);
        using HttpResponseMessage saved = await SendAsync(HttpMethod.Patch, $"/api/views/metadata/v1/{id}", """{"description":"Saved"}""", key);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        IReadOnlyList<AuditEntry> log = await portal.App.Services.GetRequiredService<IAccountStore>().ListAuditAsync(500, CancellationToken.None);
        AuditEntry entry = Assert.Single(log, entry => entry.Target == id.Value && entry.Action == "dataset.metadata");
        Assert.Equal(key.User.Email, entry.Actor);
        Assert.Contains("description", entry.Details, StringComparison.Ordinal);
    }

    private Task<DatasetId> PublishAsync(bool isPrivate = false) =>
        portal.PublishAsync(
            "code,name,score,open,inspected\nA1,Alpha,10,true,2024-01-05\n",
            new Dictionary<string, SodaType> { ["code"] = SodaType.Text, ["name"] = SodaType.Text, ["score"] = SodaType.Number, ["open"] = SodaType.Checkbox, ["inspected"] = SodaType.FloatingTimestamp },
            rowIdentifier: "code",
            isPrivate: isPrivate);

    private async Task<DatasetMetadata> MetadataAsync(DatasetId id) =>
        (await portal.App.Services.GetRequiredService<ICatalogStore>().FindDatasetAsync(id, CancellationToken.None))!.Metadata;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string body, IssuedApiKey? key)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = ProducerFixture.Basic(key);
        }

        return await portal.Client.SendAsync(request);
    }
}
