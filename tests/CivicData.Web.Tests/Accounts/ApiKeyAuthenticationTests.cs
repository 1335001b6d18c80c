using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CivicData.Catalog.Accounts;
using CivicData.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CivicData.Web.Tests.Accounts;

/// <summary>API keys and passwords over real HTTP: who gets in, what they see, and how refusals look.</summary>
[Collection(PortalCollection.Name)]
public sealed class ApiKeyAuthenticationTests(PortalFixture portal)
{
    private static readonly string s_private = $"/resource/{PortalFixture.PrivateLegend.Value}.json";
    private static readonly string s_public = $"/resource/{PortalFixture.La311.Value}.json?$limit=1";

    [Fact]
    public async Task An_admin_key_sent_as_http_basic_reads_a_private_dataset_that_anonymous_callers_cannot_see()
    {
        IssuedApiKey key = await IssueAsync(Role.Admin, null);

        using HttpResponseMessage anonymous = await portal.Client.GetAsync(s_private);
        using HttpResponseMessage signedIn = await SendAsync(s_private, request => request.Headers.Authorization = Basic(key.KeyId, key.Secret));

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.NotEmpty(JsonDocument.Parse(await signedIn.Content.ReadAsStringAsync()).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Ckan_and_oauth_token_forms_identify_the_same_user()
    {
        IssuedApiKey key = await IssueAsync(Role.Publisher, "Information Technology Agency");
        Action<HttpRequestMessage>[] forms =
        [
            request => request.Headers.TryAddWithoutValidation("Authorization", key.Token),
            request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Token),
            request => request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", key.Token),
            request => request.Headers.Add("X-CKAN-API-Key", key.Token),
        ];

        foreach (Action<HttpRequestMessage> form in forms)
        {
            using HttpResponseMessage response = await SendAsync("/api/users/current.json", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using JsonDocument user = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(key.User.Email, user.RootElement.GetProperty("email").GetString());
            Assert.Equal("publisher", user.RootElement.GetProperty("roleName").GetString());
            Assert.Equal("Information Technology Agency", user.RootElement.GetProperty("organization").GetString());
        }
    }

    [Fact]
    public async Task A_wrong_secret_an_unknown_key_and_a_revoked_key_are_refused_with_sodas_401_even_on_public_data()
    {
        IssuedApiKey key = await IssueAsync(Role.Viewer, null);
        IssuedApiKey revoked = await IssueAsync(Role.Viewer, null);
        await portal.App.Services.GetRequiredService<IAccountStore>().RevokeApiKeyAsync(revoked.KeyId, CancellationToken.None);

        foreach ((string user, string secret) in new[] { (key.KeyId, key.Secret + "x"), ("unknownkey", key.Secret), (revoked.KeyId, revoked.Secret) })
        {
            using HttpResponseMessage response = await SendAsync(s_public, request => request.Headers.Authorization = Basic(user, secret));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            using JsonDocument error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("authentication_required", error.RootElement.GetProperty("code").GetString());
            Assert.Equal("Invalid username or password", error.RootElement.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task Garbled_credentials_are_refused_not_ignored()
    {
        using HttpResponseMessage notBase64 = await SendAsync(s_public, request => request.Headers.TryAddWithoutValidation("Authorization", "Basic %%%"));
        using HttpResponseMessage noColon = await SendAsync(s_public, request => request.Headers.TryAddWithoutValidation("Authorization", "just-a-token"));

        Assert.Equal(HttpStatusCode.Unauthorized, notBase64.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noColon.StatusCode);
    }

    [Fact]
    public async Task Who_am_i_answers_401_for_anonymous_callers()
    {
        using HttpResponseMessage response = await portal.Client.GetAsync("/api/users/current.json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("logged in", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_with_a_password_signs_in_with_http_basic_by_email()
    {
        string email = $"pw-{Guid.NewGuid():N}@city.example";
        await portal.App.Services.GetRequiredService<KeyIssuer>().AddUserAsync(email, Role.Viewer, null, "s3cret pass", AuditEntry.OperatorActor, CancellationToken.None);

        using HttpResponseMessage right = await SendAsync("/api/users/current.json", request => request.Headers.Authorization = Basic(email, "s3cret pass"));
        using HttpResponseMessage wrong = await SendAsync("/api/users/current.json", request => request.Headers.Authorization = Basic(email, "s3cret pasz"));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Members_of_another_organisation_do_not_see_its_private_datasets_but_portal_wide_viewers_do()
    {
        // The private legend has no department, so only portal-wide users and admins are in its scope.
        IssuedApiKey outsider = await IssueAsync(Role.Publisher, "Public Works");
        IssuedApiKey portalViewer = await IssueAsync(Role.Viewer, null);

        using HttpResponseMessage outside = await SendAsync(s_private, request => request.Headers.Authorization = Basic(outsider.KeyId, outsider.Secret));
        using HttpResponseMessage inside = await SendAsync(s_private, request => request.Headers.Authorization = Basic(portalViewer.KeyId, portalViewer.Secret));

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
    }

    private async Task<IssuedApiKey> IssueAsync(Role role, string? organization)
    {
        KeyIssuer issuer = portal.App.Services.GetRequiredService<KeyIssuer>();
        string email = $"{role.ToName()}-{Guid.NewGuid():N}@city.example";
        await issuer.AddUserAsync(email, role, organization, null, AuditEntry.OperatorActor, CancellationToken.None);
        return await issuer.CreateKeyAsync(email, AuditEntry.OperatorActor, CancellationToken.None);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, Action<HttpRequestMessage> authenticate)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        authenticate(request);
        return await portal.Client.SendAsync(request);
    }

    private static AuthenticationHeaderValue Basic(string user, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + secret)));
}
