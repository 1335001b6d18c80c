using CivicData.Soql.Tests.Engines;

namespace CivicData.Soql.Tests.Differential;

/// <summary>Both engines, started once for the differential properties; each iteration replaces the generated table.</summary>
public sealed class DifferentialFixture : IAsyncLifetime
{
    public DuckDbEngine DuckDb { get; } = new();

    public PostgresEngine Postgres { get; } = new();

    public IReadOnlyList<IQueryEngine> Engines => [DuckDb, Postgres];

    public Task InitializeAsync() => Postgres.StartAsync();

    public async Task DisposeAsync()
    {
        await DuckDb.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
