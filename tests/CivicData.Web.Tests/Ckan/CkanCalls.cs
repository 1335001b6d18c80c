using System.Net;
using System.Text;
using System.Text.Json;

namespace CivicData.Web.Tests.Ckan;

/// <summary>Calls CKAN actions over HTTP and reads the answer as JSON, whatever its status.</summary>
internal static class CkanCalls
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string pathAndQuery)
    {
        using HttpResponseMessage response = await client.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>A successful action's result, after checking the envelope.</summary>
    public static async Task<JsonElement> ResultAsync(HttpClient client, string pathAndQuery)
    {
        (HttpStatusCode status, JsonElement body) = await GetAsync(client, pathAndQuery);
        Assert.True(status == HttpStatusCode.OK, $"{pathAndQuery} answered {(int)status}: {body}");
        Assert.True(body.GetProperty("success").GetBoolean());
        return body.GetProperty("result");
    }

    /// <summary>An error answer: its status and the envelope's error object, after checking the envelope.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Error)> ErrorAsync(HttpClient client, string pathAndQuery)
    {
        (HttpStatusCode status, JsonElement body) = await GetAsync(client, pathAndQuery);
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.StartsWith("http", body.GetProperty("help").GetString(), StringComparison.Ordinal);
        return (status, body.GetProperty("error"));
    }

    public static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];

    public static List<string> Ids(JsonElement packages) => [.. packages.EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        using JsonDocument document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
