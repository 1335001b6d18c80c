using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Validation;

namespace CivicData.Web.Tests.Dcat;

/// <summary><c>/data.json</c>: Project Open Data 1.1 as data.gov's harvester reads it (dcat-us.md §1–4).</summary>
[Collection(DcatCollection.Name)]
public sealed class PodCatalogTests(DcatFixture portal)
{
    [Fact]
    public async Task Data_json_validates_against_the_pod_schema_and_the_non_federal_variant()
    {
        string body = await GetDataJsonAsync();

        foreach (JsonSchema schema in new[] { await DcatSchemas.NonFederalCatalogAsync(), await DcatSchemas.PodCatalogAsync() })
        {
            ICollection<ValidationError> errors = schema.Validate(body);
            // The canonical schema is federal: datasets without bureau and program codes may fail on those, and only those.
            IEnumerable<ValidationError> unexpected = errors.SelectMany(Flatten)
                .Where(error => !(error.Kind == ValidationErrorKind.PropertyRequired && error.Property is "bureauCode" or "programCode" && !error.Path!.Contains("dataset[1]", StringComparison.Ordinal)));
            Assert.True(!unexpected.Any(), string.Join("\n", errors.Select(error => error.ToString())));
        }
    }

    [Fact]
    public async Task Data_json_lists_exactly_the_public_published_datasets_in_id_order()
    {
        using JsonDocument document = JsonDocument.Parse(await GetDataJsonAsync());

        string[] identifiers = [.. document.RootElement.GetProperty("dataset").EnumerateArray().Select(d => d.GetProperty("identifier").GetString()!)];
        Assert.Equal([Url("/d/badm-dcat"), Url("/d/la31-dcat"), Url("/d/lacd-dcat")], identifiers);
        string text = document.RootElement.GetRawText();
        Assert.DoesNotContain(DcatFixture.PrivateTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain(DcatFixture.DraftTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain("priv-dcat", text, StringComparison.Ordinal);
        Assert.DoesNotContain("drft-dcat", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalog_object_names_pod_1_1()
    {
        using HttpResponseMessage response = await portal.Client.GetAsync("/data.json");
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement root = document.RootElement;

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("https://project-open-data.cio.gov/v1.1/schema", root.GetProperty("conformsTo").GetString());
        Assert.Equal("https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld", root.GetProperty("@context").GetString());
        Assert.Equal("dcat:Catalog", root.GetProperty("@type").GetString());
        Assert.Equal(Url("/data.json"), root.GetProperty("@id").GetString());
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, bytes[0]);
    }

    [Fact]
    public async Task A_dataset_with_every_field_maps_each_one()
    {
        JsonElement dataset = await DatasetAsync("la31-dcat");

        Assert.Equal("dcat:Dataset", dataset.GetProperty("@type").GetString());
        Assert.Equal("MyLA311 Service Requests (DCAT test)", dataset.GetProperty("title").GetString());
        Assert.Equal(DcatFixture.HostileDescription, dataset.GetProperty("description").GetString());
        Assert.Equal(["311", "service requests"], Strings(dataset, "keyword"));
        Assert.Equal("Information Technology Agency", dataset.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("org:Organization", dataset.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.Equal("City of Los Angeles", dataset.GetProperty("publisher").GetProperty("subOrganizationOf").GetProperty("name").GetString());
        Assert.Equal("vcard:Contact", dataset.GetProperty("contactPoint").GetProperty("@type").GetString());
        Assert.Equal("MyLA311 Team", dataset.GetProperty("contactPoint").GetProperty("fn").GetString());
        Assert.Equal("mailto:myla311@example.gov", dataset.GetProperty("contactPoint").GetProperty("hasEmail").GetString());
        Assert.Equal(Url("/d/la31-dcat"), dataset.GetProperty("identifier").GetString());
        Assert.Equal("public", dataset.GetProperty("accessLevel").GetString());
        Assert.Equal(["015:11"], Strings(dataset, "bureauCode"));
        Assert.Equal(["015:001"], Strings(dataset, "programCode"));
        Assert.Equal("https://creativecommons.org/publicdomain/zero/1.0/", dataset.GetProperty("license").GetString());
        Assert.Equal("Open to all.", dataset.GetProperty("rights").GetString());
        Assert.Equal("-118.6682,33.7037,-118.1553,34.3373", dataset.GetProperty("spatial").GetString());
        Assert.Equal("2018-01-01/2018-01-04", dataset.GetProperty("temporal").GetString());
        Assert.Equal("R/P1D", dataset.GetProperty("accrualPeriodicity").GetString());
        Assert.Equal("http://wiki.open311.org/GeoReport_v2/", dataset.GetProperty("conformsTo").GetString());
        Assert.True(dataset.GetProperty("dataQuality").GetBoolean());
        Assert.Equal(Url("/api/views/la31-dcat.json"), dataset.GetProperty("describedBy").GetString());
        Assert.Equal("application/json", dataset.GetProperty("describedByType").GetString());
        Assert.Equal("2018-01-05", dataset.GetProperty("issued").GetString());
        Assert.Equal("https://example.gov/myla311", dataset.GetProperty("landingPage").GetString());
        Assert.Equal(["en-US", "es"], Strings(dataset, "language"));
        Assert.Equal(["https://example.gov/myla311/faq"], Strings(dataset, "references"));
        Assert.Equal(["City Services", "Sanitation"], Strings(dataset, "theme"));
    }

    [Fact]
    public async Task Distributions_link_the_full_downloads_and_the_api_and_each_link_works()
    {
        JsonElement la311 = await DatasetAsync("la31-dcat");
        JsonElement districts = await DatasetAsync("lacd-dcat");

        // The 311 requests have a point column made from their latitude and longitude, so GeoJSON too.
        JsonElement[] tabular = [.. la311.GetProperty("distribution").EnumerateArray()];
        Assert.Equal(["CSV", "JSON", "GeoJSON", "API"], tabular.Select(d => d.GetProperty("format").GetString()));
        Assert.Equal(Url("/api/views/la31-dcat/rows.csv?accessType=DOWNLOAD"), tabular[0].GetProperty("downloadURL").GetString());
        Assert.Equal("text/csv", tabular[0].GetProperty("mediaType").GetString());
        Assert.Equal(Url("/api/views/la31-dcat/rows.json?accessType=DOWNLOAD"), tabular[1].GetProperty("downloadURL").GetString());
        Assert.Equal("application/json", tabular[1].GetProperty("mediaType").GetString());
        Assert.Equal(Url("/resource/la31-dcat.geojson?$limit=10000"), tabular[2].GetProperty("downloadURL").GetString());
        Assert.Equal(Url("/resource/la31-dcat.json"), tabular[3].GetProperty("accessURL").GetString());
        Assert.False(tabular[3].TryGetProperty("downloadURL", out _));

        JsonElement[] spatial = [.. districts.GetProperty("distribution").EnumerateArray()];
        Assert.Equal(["CSV", "JSON", "GeoJSON", "API"], spatial.Select(d => d.GetProperty("format").GetString()));
        Assert.Equal("application/vnd.geo+json", spatial[2].GetProperty("mediaType").GetString());
        string geojson = spatial[2].GetProperty("downloadURL").GetString()!;

        // The 2012 council districts file has 15 features; the link must bring every one of them.
        using JsonDocument features = JsonDocument.Parse(await portal.Client.GetStringAsync(new Uri(geojson)));
        Assert.Equal(15, features.RootElement.GetProperty("features").GetArrayLength());
        foreach (JsonElement distribution in tabular)
        {
            string url = (distribution.TryGetProperty("downloadURL", out JsonElement download) ? download : distribution.GetProperty("accessURL")).GetString()!;
            using HttpResponseMessage response = await portal.Client.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(distribution.GetProperty("mediaType").GetString(), response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_dataset_with_little_metadata_gets_the_fallbacks()
    {
        JsonElement dataset = await DatasetAsync("lacd-dcat");

        Assert.Equal("Council Districts (DCAT test)", dataset.GetProperty("description").GetString());
        Assert.Equal(["Boundaries"], Strings(dataset, "keyword"));
        Assert.Equal(["Boundaries"], Strings(dataset, "theme"));
        Assert.Equal("City Planning", dataset.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal(DcatFixture.OrganizationName, dataset.GetProperty("publisher").GetProperty("subOrganizationOf").GetProperty("name").GetString());
        Assert.Equal("City Planning", dataset.GetProperty("contactPoint").GetProperty("fn").GetString());
        Assert.Equal("mailto:" + DcatFixture.FallbackEmail, dataset.GetProperty("contactPoint").GetProperty("hasEmail").GetString());
        Assert.Equal(Url("/d/lacd-dcat"), dataset.GetProperty("landingPage").GetString());
        foreach (string absent in new[] { "license", "rights", "spatial", "temporal", "accrualPeriodicity", "language", "references", "bureauCode", "programCode", "dataQuality" })
        {
            Assert.False(dataset.TryGetProperty(absent, out _), absent + " should be left out, not written empty");
        }
    }

    [Fact]
    public async Task Invalid_stored_values_are_left_out_and_the_rest_is_listed()
    {
        JsonElement dataset = await DatasetAsync("badm-dcat");

        Assert.Equal("mailto:" + DcatFixture.FallbackEmail, dataset.GetProperty("contactPoint").GetProperty("hasEmail").GetString());
        Assert.Equal(Url("/d/badm-dcat"), dataset.GetProperty("landingPage").GetString());
        Assert.False(dataset.TryGetProperty("language", out _));
        Assert.False(dataset.TryGetProperty("temporal", out _));
        Assert.False(dataset.TryGetProperty("accrualPeriodicity", out _));
        Assert.Equal(["legend"], Strings(dataset, "keyword"));
    }

    [Fact]
    public async Task Modified_is_the_latest_data_or_metadata_change_in_utc()
    {
        JsonElement dataset = await DatasetAsync("badm-dcat");
        using JsonDocument view = JsonDocument.Parse(await portal.Client.GetStringAsync("/api/views/badm-dcat.json"));

        // The metadata of this dataset changed after its data was loaded, so modified is the view's metadata time.
        long viewLastModified = view.RootElement.GetProperty("viewLastModified").GetInt64();
        string modified = dataset.GetProperty("modified").GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", modified);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(viewLastModified), DateTimeOffset.Parse(modified, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Output_is_byte_stable_and_revalidates_with_etag_and_last_modified()
    {
        using HttpResponseMessage first = await portal.Client.GetAsync("/data.json");
        using HttpResponseMessage second = await portal.Client.GetAsync("/data.json");
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.NotNull(first.Content.Headers.LastModified);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/data.json");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using HttpResponseMessage notModified = await portal.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/data.json");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using HttpResponseMessage fresh = await portal.Client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task Any_origin_may_read_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/data.json");
        request.Headers.Add("Origin", "https://harvester.example.org");
        using HttpResponseMessage response = await portal.Client.SendAsync(request);

        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Links_follow_the_host_the_client_asked_for()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/data.json");
        request.Headers.Host = "data.examplecity.gov";
        using HttpResponseMessage response = await portal.Client.SendAsync(request);
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("http://data.examplecity.gov/data.json", document.RootElement.GetProperty("@id").GetString());
        Assert.All(document.RootElement.GetProperty("dataset").EnumerateArray(),
            dataset => Assert.StartsWith("http://data.examplecity.gov/d/", dataset.GetProperty("identifier").GetString(), StringComparison.Ordinal));
    }

    private async Task<string> GetDataJsonAsync()
    {
        using HttpResponseMessage response = await portal.Client.GetAsync("/data.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonElement> DatasetAsync(string id)
    {
        using JsonDocument document = JsonDocument.Parse(await GetDataJsonAsync());
        return document.RootElement.GetProperty("dataset").EnumerateArray()
            .Single(dataset => dataset.GetProperty("identifier").GetString() == Url("/d/" + id)).Clone();
    }

    private static string[] Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(item => item.GetString()!)];

    /// <summary>The leaf errors, without the "item not valid" wrappers around them.</summary>
    private static IEnumerable<ValidationError> Flatten(ValidationError error) =>
        error is ChildSchemaValidationError child
            ? [.. child.Errors.SelectMany(pair => pair.Value).SelectMany(Flatten)]
            : [error];

    private string Url(string path) => portal.Root + path;
}
