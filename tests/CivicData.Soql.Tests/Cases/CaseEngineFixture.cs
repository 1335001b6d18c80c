using CivicData.Soql.Tests.Engines;

namespace CivicData.Soql.Tests.Cases;

/// <summary>One engine loaded with both fixture tables, shared by every case that runs on it.</summary>
public abstract class CaseEngineFixture : IAsyncLifetime
{
    private IQueryEngine? _engine;

    public IQueryEngine Engine => _engine ?? throw new InvalidOperationException("The engine has not started.");

    public async Task InitializeAsync()
    {
        _engine = await CreateEngineAsync();
        await _engine.CreateTableAsync(FixtureData.La311Schema, FixtureData.La311.Rows, CancellationToken.None);
        await _engine.CreateTableAsync(FixtureData.ThingsSchema, FixtureData.Things.Rows, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }
    }

    protected abstract Task<IQueryEngine> CreateEngineAsync();
}

public sealed class DuckDbCaseFixture : CaseEngineFixture
{
    protected override Task<IQueryEngine> CreateEngineAsync() => Task.FromResult<IQueryEngine>(new DuckDbEngine());
}

public sealed class PostgresCaseFixture : CaseEngineFixture
{
    protected override async Task<IQueryEngine> CreateEngineAsync()
    {
        var engine = new PostgresEngine();
        await engine.StartAsync();
        return engine;
    }
}
