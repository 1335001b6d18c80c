using System.Collections.Immutable;
using CivicData.Catalog;
using CivicData.Catalog.Datasets;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;
using CivicData.Ingest.Publishing;
using CivicData.Web.Hosting;
using CivicData.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CivicData.Web.Tests.Ckan;

/// <summary>
/// A portal of its own for the CKAN tests (Kestrel on loopback, a fresh data folder) holding three public datasets from
/// the shared data, a private one in a department with nothing public, and a draft (created, never published).
/// </summary>
public sealed class CkanFixture : IAsyncLifetime
{
    public const string La311 = "la31-test";
    public const string Inspections = "sfin-test";
    public const string Districts = "lacd-test";
    public const string Private = "priv-test";
    public const string Draft = "drft-test";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "civicdata-ckan-tests-" + Guid.NewGuid().ToString("N"));
    private TestPortal? _portal;
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

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
                Id = DatasetId.Parse(La311),
                Title = "MyLA311 Service Requests (test)",
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
                Id = DatasetId.Parse(Inspections),
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
                Id = DatasetId.Parse(Districts),
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
                Id = DatasetId.Parse(Private),
                Title = "Inspection score legend (private)",
                Category = "Health",
                Department = "Internal Audit",
                Tags = ["secret-tag"],
                Private = true,
            },
            progress: null,
            CancellationToken.None);

        // A draft: in the catalog, never published (no current version).
        await _app.Services.GetRequiredService<ICatalogStore>().CreateDatasetAsync(
            DatasetId.Parse(Draft),
            new DatasetMetadata { Title = "Draft inspection budget", Department = "Finance", Category = "Finance", Tags = ["draft-tag"] },
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
public sealed class CkanCollection : ICollectionFixture<CkanFixture>
{
    public const string Name = "Ckan";
}
