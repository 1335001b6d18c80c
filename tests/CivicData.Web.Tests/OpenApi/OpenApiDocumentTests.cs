using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CivicData.Web.Tests.Docs;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace CivicData.Web.Tests.OpenApi;

/// <summary>/openapi/v1.json, read back with Microsoft.OpenApi's reader and checked against the live demo portal.</summary>
public sealed class OpenApiDocumentTests(DemoPortalFixture portal) : IClassFixture<DemoPortalFixture>
{
    /// <summary>The families a reader of /api/docs finds, as docs/api.md names them.</summary>
    private static readonly string[] s_families = ["SODA", "SODA producer", "SODA views", "SODA Discovery", "CKAN", "DCAT", "CivicData"];

    private static readonly string[] s_soqlParameters = ["$select", "$where", "$order", "$group", "$having", "$limit", "$offset", "$q", "$query"];

    [Fact]
    public async Task Document_is_OpenAPI_3_1_and_reads_without_errors()
    {
        string json = await portal.Client.GetStringAsync("/openapi/v1.json");

        Assert.StartsWith("3.1.", JsonNode.Parse(json)!["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        ReadResult result = OpenApiDocument.Parse(json, OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.NotNull(result.Document);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic!.SpecificationVersion);
        Assert.Empty(result.Diagnostic.Errors);
        Assert.Equal("CivicData APIs", result.Document.Info.Title);
    }

    [Fact]
    public async Task Server_is_the_address_the_reader_used()
    {
        OpenApiDocument document = await ReadDocumentAsync();

        OpenApiServer server = Assert.Single(document.Servers!);
        Assert.Equal(portal.BaseAddress.GetLeftPart(UriPartial.Authority), server.Url);
    }

    [Fact]
    public async Task Api_keys_are_an_optional_http_basic_scheme()
    {
        OpenApiDocument document = await ReadDocumentAsync();

        IOpenApiSecurityScheme scheme = Assert.Single(document.Components!.SecuritySchemes!).Value;
        Assert.Equal(SecuritySchemeType.Http, scheme.Type);
        Assert.Equal("basic", scheme.Scheme);
        // An empty requirement next to the key: anonymous reads are allowed.
        Assert.Contains(document.Security!, requirement => requirement.Count == 0);
        Assert.Contains(document.Security!, requirement => requirement.Count == 1);
    }

    [Theory]
    [InlineData("SODA", "/resource/{resource}")]
    [InlineData("SODA producer", "/resource/{resource}/{rowId}")]
    [InlineData("SODA views", "/api/views/{id}/rows.csv")]
    [InlineData("SODA Discovery", "/api/catalog/v1")]
    [InlineData("CKAN", "/api/3/action/package_search")]
    [InlineData("DCAT", "/data.json")]
    [InlineData("CivicData", "/openapi/{documentName}.json")]
    public async Task Each_family_appears_with_its_description_and_operations(string family, string examplePath)
    {
        OpenApiDocument document = await ReadDocumentAsync();

        OpenApiTag tag = Assert.Single(document.Tags!, tag => tag.Name == family);
        Assert.False(string.IsNullOrWhiteSpace(tag.Description));
        Assert.Contains(family, Operations(document).Where(entry => entry.Path == examplePath).SelectMany(entry => TagNames(entry.Operation)));
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_one_known_family()
    {
        OpenApiDocument document = await ReadDocumentAsync();

        List<string> problems = [];
        foreach ((string path, HttpMethod method, OpenApiOperation operation) in Operations(document))
        {
            string[] tags = [.. TagNames(operation)];
            if (string.IsNullOrWhiteSpace(operation.Summary))
            {
                problems.Add($"{method} {path}: no summary");
            }

            if (tags.Length != 1 || !s_families.Contains(tags[0]))
            {
                problems.Add($"{method} {path}: tags [{string.Join(", ", tags)}]");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Internal_routes_are_not_documented()
    {
        OpenApiDocument document = await ReadDocumentAsync();

        Assert.DoesNotContain(document.Paths.Keys, path => path.Contains("**", StringComparison.Ordinal) || path.Contains("{rest}", StringComparison.Ordinal));
        Assert.DoesNotContain(document.Paths.Keys, path => path.StartsWith("/error", StringComparison.Ordinal) || path.StartsWith("/api/docs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Row_queries_document_every_soql_parameter_with_an_example()
    {
        OpenApiDocument document = await ReadDocumentAsync();

        OpenApiOperation rows = document.Paths["/resource/{resource}"].Operations![HttpMethod.Get];
        foreach (string name in s_soqlParameters)
        {
            IOpenApiParameter parameter = Assert.Single(rows.Parameters!, parameter => parameter.Name == name);
            Assert.Equal(ParameterLocation.Query, parameter.In);
            Assert.NotNull(parameter.Example);
        }
    }

    [Fact]
    public async Task Soql_examples_as_clauses_and_as_one_query_give_the_same_rows()
    {
        OpenApiDocument document = await ReadDocumentAsync();
        OpenApiOperation rows = document.Paths["/resource/{resource}"].Operations![HttpMethod.Get];
        Dictionary<string, string> examples = rows.Parameters!.Where(parameter => parameter.Example is not null)
            .ToDictionary(parameter => parameter.Name!, parameter => ExampleText(parameter.Example!));

        // $q narrows the clauses to rows mentioning a word; the one-statement form has no such clause next to ORDER BY.
        string clauses = Query(examples.Where(pair => pair.Key is not "$query" and not "$q" and not "resource"));
        string statement = Query(examples.Where(pair => pair.Key == "$query"));
        string resource = "/resource/" + examples["resource"];
        using JsonDocument byClauses = JsonDocument.Parse(await portal.Client.GetStringAsync(resource + clauses));
        using JsonDocument byStatement = JsonDocument.Parse(await portal.Client.GetStringAsync(resource + statement));

        Assert.InRange(byClauses.RootElement.GetArrayLength(), 1, 5);
        Assert.Equal(byClauses.RootElement.GetRawText(), byStatement.RootElement.GetRawText());
    }

    [Theory]
    [InlineData("package_search")]
    [InlineData("package_show")]
    [InlineData("organization_list")]
    public async Task Ckan_read_actions_have_a_path_of_their_own_that_succeeds_with_its_examples(string action)
    {
        OpenApiDocument document = await ReadDocumentAsync();

        IOpenApiPathItem path = document.Paths["/api/3/action/" + action];
        OpenApiOperation get = path.Operations![HttpMethod.Get];
        OpenApiOperation post = path.Operations![HttpMethod.Post];
        Assert.DoesNotContain(document.Paths.Keys, key => key == "/api/3/action/{action}");
        Assert.NotEmpty(get.Description!);
        string query = Query(get.Parameters!.Select(parameter => KeyValuePair.Create(parameter.Name!, ExampleText(parameter.Example!))));
        using JsonDocument byGet = JsonDocument.Parse(await portal.Client.GetStringAsync("/api/3/action/" + action + query));
        using var body = new StringContent(post.RequestBody!.Content!["application/json"].Example!.ToJsonString(), Encoding.UTF8, "application/json");
        using HttpResponseMessage byPost = await portal.Client.PostAsync("/api/3/action/" + action, body);
        using JsonDocument postAnswer = JsonDocument.Parse(await byPost.Content.ReadAsStringAsync());

        Assert.True(byGet.RootElement.GetProperty("success").GetBoolean());
        Assert.True(postAnswer.RootElement.GetProperty("success").GetBoolean());
        // The same parameters, as a query string or as a JSON body, ask the same question.
        Assert.Equal(byGet.RootElement.GetProperty("result").GetRawText(), postAnswer.RootElement.GetProperty("result").GetRawText());
    }

    [Fact]
    public async Task Every_documented_operation_answers_when_called_with_its_examples()
    {
        OpenApiDocument document = await ReadDocumentAsync();

        List<string> problems = [];
        int calls = 0;
        foreach ((string path, HttpMethod method, OpenApiOperation operation) in Operations(document))
        {
            IOpenApiParameter[] parameters = [.. document.Paths[path].Parameters ?? [], .. operation.Parameters ?? []];
            string url = path;
            foreach (IOpenApiParameter parameter in parameters.Where(parameter => parameter.In == ParameterLocation.Path))
            {
                if (parameter.Example is null)
                {
                    problems.Add($"{method} {path}: no example for path parameter {parameter.Name}");
                    continue;
                }

                url = url.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(ExampleText(parameter.Example)), StringComparison.Ordinal);
            }

            foreach (string query in ExampleQueries(parameters))
            {
                calls++;
                using var request = new HttpRequestMessage(method, url + query);
                // Reads with a publisher's key (so "who am I" answers too); writes without, so that the call shows the
                // route is there (401, not 404/405) and the demo data stays as the other tests expect it.
                if (method == HttpMethod.Get)
                {
                    request.Headers.Authorization = portal.PublisherAuthorization;
                }

                if (RequestBodyExample(operation) is ({ } mediaType, { } body))
                {
                    request.Content = new StringContent(body, Encoding.UTF8, mediaType);
                }

                using HttpResponseMessage response = await portal.Client.SendAsync(request);
                bool answered = response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed);
                bool readSucceeded = method != HttpMethod.Get || response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified;
                if (!answered || !readSucceeded)
                {
                    string text = await response.Content.ReadAsStringAsync();
                    problems.Add($"{method} {url + query}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
                }
            }
        }

        Assert.Empty(problems);
        Assert.True(calls >= 6, $"only {calls} calls were made");
    }

    private async Task<OpenApiDocument> ReadDocumentAsync()
    {
        string json = await portal.Client.GetStringAsync("/openapi/v1.json");
        ReadResult result = OpenApiDocument.Parse(json, OpenApiConstants.Json, new OpenApiReaderSettings());
        return result.Document ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostic!.Errors));
    }

    private static IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        document.Paths.SelectMany(path => (path.Value.Operations ?? []).Select(operation => (path.Key, operation.Key, operation.Value)));

    private static IEnumerable<string> TagNames(OpenApiOperation operation) =>
        (operation.Tags ?? Enumerable.Empty<OpenApiTagReference>()).Select(tag => tag.Name).OfType<string>();

    /// <summary>
    /// One call with every query example, except that SoQL's <c>$query</c> cannot be mixed with the clause
    /// parameters, so it gets a call of its own.
    /// </summary>
    private static IEnumerable<string> ExampleQueries(IOpenApiParameter[] parameters)
    {
        var examples = parameters
            .Where(parameter => parameter.In == ParameterLocation.Query && parameter.Example is not null)
            .Select(parameter => new KeyValuePair<string, string>(parameter.Name!, ExampleText(parameter.Example!)))
            .ToList();
        yield return Query(examples.Where(pair => pair.Key != "$query"));
        if (examples.Any(pair => pair.Key == "$query"))
        {
            yield return Query(examples.Where(pair => pair.Key == "$query"));
        }
    }

    private static (string? MediaType, string? Body) RequestBodyExample(OpenApiOperation operation)
    {
        foreach ((string mediaType, OpenApiMediaType content) in operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>())
        {
            if (content.Example is { } example)
            {
                return (mediaType, example.ToJsonString());
            }
        }

        return (null, null);
    }

    private static string Query(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        string text = string.Join("&", pairs.Select(pair => Uri.EscapeDataString(pair.Key) + "=" + Uri.EscapeDataString(pair.Value)));
        return text.Length == 0 ? "" : "?" + text;
    }

    private static string ExampleText(JsonNode example) =>
        example.GetValueKind() == JsonValueKind.String ? example.GetValue<string>() : example.ToJsonString();
}
