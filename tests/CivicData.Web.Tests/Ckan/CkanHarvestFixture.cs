using CivicData.Catalog;
using CivicData.Catalog.Datasets;
using CivicData.Core.Datasets;
using CivicData.Ingest.Publishing;
using CivicData.Web.Hosting;
using CivicData.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CivicData.Web.Tests.Ckan;

/// <summary>
/// A portal with many small datasets for the harvester test: <see cref="PublicCount"/> public ones (ids
/// <c>h000-pub0</c> …), a few private ones and a few drafts, in a fresh data folder of its own.
/// </summary>
public sealed class CkanHarvestFixture : IAsyncLifetime
{
    public const int PublicCount = 260;
    public const int PrivateCount = 5;
    public const int DraftCount = 4;

    private static readonly string[] s_departments = ["Parks", "Transportation", "Public Works"];

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "civicdata-ckan-harvest-" + Guid.NewGuid().ToString("N"));
    private TestPortal? _portal;
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public DateTimeOffset StartedAt { get; private set; }

    public IReadOnlyList<string> PublicIds { get; } = [.. Enumerable.Range(0, PublicCount).Select(i => $"h{i:000}-pub0")];

    public IReadOnlyList<string> HiddenIds { get; } =
        [.. Enumerable.Range(0, PrivateCount).Select(i => $"p{i:000}-prv0"), .. Enumerable.Range(0, DraftCount).Select(i => $"d{i:000}-drf0")];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        string csv = Path.Combine(_dataDirectory, "small.csv");
        await File.WriteAllTextAsync(csv, "name,count\nalpha,1\nbeta,2\n");

        StartedAt = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        _portal = await TestPortal.StartAsync(
            new CivicDataHostSettings { DataDirectory = Path.Combine(_dataDirectory, "data"), Urls = "http://127.0.0.1:0" }, _dataDirectory);
        _app = _portal.App;
        Client = _portal.Client;

        DatasetPublisher publisher = _app.Services.GetRequiredService<DatasetPublisher>();

        // Published in a shuffled order, so id order and publication order differ.
        var order = PublicIds.Select((id, index) => (id, index)).OrderBy(pair => (pair.index * 7919) % PublicCount).ToList();
        foreach ((string id, int index) in order)
        {
            await publisher.PublishAsync(
                new PublishRequest
                {
                    Path = csv,
                    Id = DatasetId.Parse(id),
                    Title = $"Harvest test dataset {index}",
                    Department = s_departments[index % s_departments.Length],
                    Category = "Testing",
                    Tags = ["harvest"],
                },
                progress: null,
                CancellationToken.None);
        }

        for (int i = 0; i < PrivateCount; i++)
        {
            await publisher.PublishAsync(
                new PublishRequest { Path = csv, Id = DatasetId.Parse($"p{i:000}-prv0"), Title = $"Private {i}", Department = "Parks", Private = true },
                progress: null,
                CancellationToken.None);
        }

        ICatalogStore catalog = _app.Services.GetRequiredService<ICatalogStore>();
        for (int i = 0; i < DraftCount; i++)
        {
            await catalog.CreateDatasetAsync(
                DatasetId.Parse($"d{i:000}-drf0"),
                new DatasetMetadata { Title = $"Draft {i}", Department = "Parks" },
                CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }
    }
}
