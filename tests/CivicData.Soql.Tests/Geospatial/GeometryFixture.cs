using CivicData.Soql.Tests.Engines;

namespace CivicData.Soql.Tests.Geospatial;

/// <summary>An engine holding <see cref="DistrictRows"/>.</summary>
public abstract class GeometryFixture(IQueryEngine engine) : IAsyncLifetime
{
    public IQueryEngine Engine { get; } = engine;

    public Task InitializeAsync() => Engine.CreateTableAsync(DistrictRows.Schema, DistrictRows.All, CancellationToken.None);

    public Task DisposeAsync() => Engine.DisposeAsync().AsTask();
}
