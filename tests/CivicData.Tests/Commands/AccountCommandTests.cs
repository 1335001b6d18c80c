using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CivicData.Tests.Commands;

/// <summary><c>user add</c> and <c>key create</c>/<c>revoke</c>, checked against a real <c>serve</c> on the same data.</summary>
public sealed partial class AccountCommandTests
{
    [Fact]
    public async Task A_created_key_signs_requests_to_the_server_until_it_is_revoked()
    {
        using var temp = new TempDirectory();
        CliResult user = await Cli.RunAsync("user", "add", "dana@city.example", "--role", "publisher", "--org", "Public Works", "--data", temp.Data);
        CliResult key = await Cli.RunAsync("key", "create", "dana@city.example", "--data", temp.Data);

        Assert.True(user.ExitCode == 0, user.ToString());
        Assert.Equal("Added dana@city.example as publisher of Public Works.", user.LastLine);
        Assert.True(key.ExitCode == 0, key.ToString());
        Match printed = KeyOutput().Match(key.Stdout);
        Assert.True(printed.Success, key.Stdout);
        Assert.Contains("not shown again", key.Stderr, StringComparison.Ordinal);
        string keyId = printed.Groups[1].Value;
        string secret = printed.Groups[2].Value;

        JsonElement me = await WithServerAsync(temp.Data, http => GetCurrentUserAsync(http, keyId, secret));
        Assert.Equal("dana@city.example", me.GetProperty("email").GetString());
        Assert.Equal("publisher", me.GetProperty("roleName").GetString());

        CliResult revoke = await Cli.RunAsync("key", "revoke", keyId, "--data", temp.Data);
        Assert.True(revoke.ExitCode == 0, revoke.ToString());
        HttpStatusCode after = await WithServerAsync(temp.Data, async http =>
        {
            using HttpResponseMessage response = await http.SendAsync(CurrentUserRequest(keyId, secret));
            return response.StatusCode;
        });
        Assert.Equal(HttpStatusCode.Unauthorized, after);
    }

    [Fact]
    public async Task A_password_read_from_standard_input_signs_in_by_email()
    {
        using var temp = new TempDirectory();

        CliResult user = await Cli.RunWithInputAsync("open sesame\n", "user", "add", "eli@city.example", "--role", "viewer", "--password-stdin", "--data", temp.Data);

        Assert.True(user.ExitCode == 0, user.ToString());
        JsonElement me = await WithServerAsync(temp.Data, http => GetCurrentUserAsync(http, "eli@city.example", "open sesame"));
        Assert.Equal("viewer", me.GetProperty("roleName").GetString());
    }

    [Theory]
    [InlineData("key", "create", "nobody@city.example")]
    [InlineData("user", "add", "not-an-email", "--role", "viewer")]
    [InlineData("key", "revoke", "nosuchkey")]
    public async Task Bad_account_commands_fail_with_one_line_and_exit_2(params string[] args)
    {
        using var temp = new TempDirectory();

        CliResult result = await Cli.RunAsync([.. args, "--data", temp.Data]);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_the_same_email_twice_is_refused()
    {
        using var temp = new TempDirectory();
        await Cli.RunAsync("user", "add", "fay@city.example", "--role", "viewer", "--data", temp.Data);

        CliResult again = await Cli.RunAsync("user", "add", "FAY@city.example", "--role", "admin", "--data", temp.Data);

        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("already exists", again.Stderr, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> GetCurrentUserAsync(HttpClient http, string user, string secret)
    {
        using HttpResponseMessage response = await http.SendAsync(CurrentUserRequest(user, secret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static HttpRequestMessage CurrentUserRequest(string user, string secret) => new(HttpMethod.Get, "/api/users/current.json")
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + secret))) },
    };

    private static async Task<T> WithServerAsync<T>(string data, Func<HttpClient, Task<T>> action)
    {
        using Process server = Cli.Start("serve", "--data", data, "--urls", "http://127.0.0.1:0");
        try
        {
            using var http = new HttpClient { BaseAddress = await Cli.ReadListeningAddressAsync(server) };
            return await action(http);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [GeneratedRegex(@"^key id: ([b-z2-9]{24})\nsecret: ([A-Za-z0-9_-]{43})\n$")]
    private static partial Regex KeyOutput();
}
