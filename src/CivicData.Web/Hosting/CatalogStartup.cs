using CivicData.Catalog;
using CivicData.Ingest.Demo;
using CivicData.Ingest.Publishing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CivicData.Web.Hosting;

/// <summary>
/// Brings the catalog schema up to date (and loads the demo datasets into an empty portal) in StartingAsync, which
/// every lifecycle service finishes before any hosted service starts, so Kestrel never serves a half-made catalog.
/// </summary>
internal sealed partial class CatalogStartup(
    ICatalogStore catalog,
    DatasetPublisher publisher,
    CivicDataHostSettings settings,
    ILogger<CatalogStartup> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await catalog.MigrateAsync(cancellationToken);
        // Tables of a load that was interrupted (a crash, a killed import) never became current; drop them.
        await publisher.RemoveOrphansAsync(cancellationToken);
        if (settings.SamplesDirectory is { } samples)
        {
            int published = await DemoCatalog.ImportIfEmptyAsync(publisher, catalog, samples, cancellationToken);
            if (published > 0)
            {
                LogDemoImported(logger, published, samples);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} demo datasets from {SamplesDirectory}")]
    private static partial void LogDemoImported(ILogger logger, int count, string samplesDirectory);
}
