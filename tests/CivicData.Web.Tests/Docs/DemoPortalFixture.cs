using System.Net.Http.Headers;
using System.Text;
using CivicData.Catalog.Accounts;
using CivicData.Web.Hosting;
using CivicData.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CivicData.Web.Tests.Docs;

/// <summary>
/// A portal loaded the way <c>serve --demo</c> loads it (the repository's samples/ folder), on a free loopback port,
/// with a publisher's API key for the demo's LA 311 dataset: what docs/api.md and the OpenAPI examples are written
/// against. Each test class gets its own, since their examples may write.
/// </summary>
public sealed class DemoPortalFixture : IAsyncLifetime
{
    /// <summary>The department that owns the demo's la31-1sr8, so the key may publish to it.</summary>
    public const string PublisherOrganization = "Information Technology Agency";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "civicdata-demo-tests-" + Guid.NewGuid().ToString("N"));
    private TestPortal? _portal;
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IssuedApiKey PublisherKey { get; private set; } = null!;

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public AuthenticationHeaderValue PublisherAuthorization =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(PublisherKey.KeyId + ":" + PublisherKey.Secret)));

    public async Task InitializeAsync()
    {
        _portal = await TestPortal.StartAsync(
            new CivicDataHostSettings
            {
                DataDirectory = _dataDirectory,
                Urls = "http://127.0.0.1:0",
                SamplesDirectory = Path.Combine(RepositoryRoot, "samples"),
            });
        _app = _portal.App;
        BaseAddress = _portal.BaseAddress;
        Client = _portal.Client;

        KeyIssuer issuer = _app.Services.GetRequiredService<KeyIssuer>();
        // The user docs/api.md's examples create and show.
        const string email = "dana@city.example";
        await issuer.AddUserAsync(email, Role.Publisher, PublisherOrganization, null, AuditEntry.OperatorActor, CancellationToken.None);
        PublisherKey = await issuer.CreateKeyAsync(email, AuditEntry.OperatorActor, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }
    }

    public static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "samples", "demo.json")) && Directory.Exists(Path.Combine(directory.FullName, "docs")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository (samples/demo.json and docs/) was not found above " + AppContext.BaseDirectory);
    }
}
