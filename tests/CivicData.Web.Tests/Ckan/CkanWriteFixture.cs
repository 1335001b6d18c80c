using CivicData.Catalog.Accounts;
using CivicData.Core.Datasets;
using CivicData.Ingest.Publishing;
using CivicData.Web.Hosting;
using CivicData.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CivicData.Web.Tests.Ckan;

/// <summary>
/// A portal of its own for the CKAN write tests (they add, change and delete datasets, which would upset the read
/// tests' counts): one published dataset of "Public Health", and API keys for users of several roles.
/// </summary>
public sealed class CkanWriteFixture : IAsyncLifetime
{
    public const string Inspections = "sfin-test";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "civicdata-ckan-write-" + Guid.NewGuid().ToString("N"));
    private TestPortal? _portal;
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public WebApplication App => _app ?? throw new InvalidOperationException("The portal has not started.");

    public IssuedApiKey HealthPublisher { get; private set; } = null!;

    public IssuedApiKey WorksPublisher { get; private set; } = null!;

    public IssuedApiKey HealthEditor { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _portal = await TestPortal.StartAsync(
            new CivicDataHostSettings { DataDirectory = _dataDirectory, Urls = "http://127.0.0.1:0" });
        _app = _portal.App;
        Client = _portal.Client;

        await _app.Services.GetRequiredService<DatasetPublisher>().PublishAsync(
            new PublishRequest
            {
                Path = SharedData.Inspections,
                Id = DatasetId.Parse(Inspections),
                Title = "Restaurant Inspection Scores, San Francisco",
                Category = "Health",
                Department = "Public Health",
                Tags = ["restaurants"],
            },
            progress: null,
            CancellationToken.None);
        HealthPublisher = await IssueAsync("pub@health.example", Role.Publisher, "Public Health");
        WorksPublisher = await IssueAsync("pub@works.example", Role.Publisher, "Public Works");
        HealthEditor = await IssueAsync("ed@health.example", Role.Editor, "Public Health");
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }
    }

    private async Task<IssuedApiKey> IssueAsync(string email, Role role, string organization)
    {
        KeyIssuer issuer = App.Services.GetRequiredService<KeyIssuer>();
        await issuer.AddUserAsync(email, role, organization, null, AuditEntry.OperatorActor, CancellationToken.None);
        return await issuer.CreateKeyAsync(email, AuditEntry.OperatorActor, CancellationToken.None);
    }
}
