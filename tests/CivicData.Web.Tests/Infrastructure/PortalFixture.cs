using System.Collections.Immutable;
using CivicData.Catalog;
using CivicData.Catalog.Datasets;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;
using CivicData.Ingest.Publishing;
using CivicData.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CivicData.Web.Tests.Infrastructure;

/// <summary>
/// One real portal for the HTTP tests: Kestrel on a free loopback port, SQLite catalog and DuckDB data in a temp
/// folder, loaded with real files from the shared data sets through the real publisher.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public static readonly DatasetId La311 = DatasetId.Parse("la31-test");
    public static readonly DatasetId SfInspections = DatasetId.Parse("sfin-test");
    public static readonly DatasetId CouncilDistricts = DatasetId.Parse("lacd-test");
    public static readonly DatasetId PrivateLegend = DatasetId.Parse("priv-test");

    /// <summary>A public dataset with metadata but no published version: a draft, invisible to anonymous callers.</summary>
    public static readonly DatasetId DraftPermits = DatasetId.Parse("drft-test");

    public const string La311Title = "MyLA311 Service Requests (test)";
    public const string PrivateTitle = "Inspection score legend (private)";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "civicdata-web-tests-" + Guid.NewGuid().ToString("N"));
    private TestPortal? _portal;
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public WebApplication App => _app ?? throw new InvalidOperationException("The portal has not started.");

    public async Task InitializeAsync()
    {
        _portal = await TestPortal.StartAsync(
            new CivicDataHostSettings { DataDirectory = _dataDirectory, Urls = "http://127.0.0.1:0" });
        _app = _portal.App;
        BaseAddress = _portal.BaseAddress;
        Client = _portal.Client;

        DatasetPublisher publisher = _app.Services.GetRequiredService<DatasetPublisher>();
        await publisher.PublishAsync(
            new PublishRequest
            {
                Path = SharedData.La311,
                Id = La311,
                Title = La311Title,
                Description = "Service requests made to the City of Los Angeles through MyLA311 in early January 2018.",
                Category = "City Services",
                Department = "Information Technology Agency",
                Tags = ["311", "service requests"],
                License = "Public Domain",
                Attribution = "City of Los Angeles",
                RowIdentifier = "srnumber",
            },
            progress: null,
            CancellationToken.None);
        await publisher.PublishAsync(
            new PublishRequest
            {
                Path = SharedData.Inspections,
                Id = SfInspections,
                Title = "Restaurant Inspection Scores, San Francisco",
                Description = "Scored routine inspections of San Francisco food businesses.",
                Category = "Health",
                Department = "Public Health",
                Tags = ["restaurants", "inspections"],
                License = "ODC Public Domain Dedication and License (PDDL)",
                TypeOverrides = ImmutableDictionary<string, SodaType>.Empty.Add("date", SodaType.FloatingTimestamp),
            },
            progress: null,
            CancellationToken.None);
        await publisher.PublishAsync(
            new PublishRequest
            {
                Path = SharedData.CouncilDistricts,
                Id = CouncilDistricts,
                Title = "Los Angeles City Council Districts (2012)",
                Description = "Boundaries of the fifteen Los Angeles City Council districts.",
                Category = "Boundaries",
                Department = "City Planning",
                Tags = ["boundaries", "maps"],
            },
            progress: null,
            CancellationToken.None);
        await publisher.PublishAsync(
            new PublishRequest
            {
                Path = SharedData.Legend,
                Id = PrivateLegend,
                Title = PrivateTitle,
                Category = "Health",
                Private = true,
            },
            progress: null,
            CancellationToken.None);
        await _app.Services.GetRequiredService<ICatalogStore>().CreateDatasetAsync(
            DraftPermits,
            new DatasetMetadata { Title = "Street vendor permits (draft)", Category = "City Services", Tags = ["311", "permits"] },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal";
}
