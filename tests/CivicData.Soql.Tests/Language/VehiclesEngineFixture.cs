using CivicData.Soql.Tests.Engines;
using CivicData.Soql.Tests.Support;

namespace CivicData.Soql.Tests.Language;

/// <summary>
/// The vehicles table (<see cref="TestSchema.Vehicles"/>) loaded into a real in-memory DuckDB through
/// <see cref="DuckDbEngine"/>. Rows in load order; expected values in the tests are worked out by hand from these.
/// </summary>
public sealed class VehiclesEngineFixture : IAsyncLifetime
{
    // make, name, v_max, price, ratio, available, inspected (UTC), active, location, website, area
    private static readonly object?[][] s_rows =
    [
        ["APCO", "Karma", 55d, 1200.5d, 0.5d, new DateTime(2012, 8, 1, 9, 30, 0), new DateTime(2012, 8, 2, 10, 0, 0), true,
            new TestPoint(34.8926, 32.50578), "http://apco.example/karma", null],
        ["APCO", "Lift", 48d, 900d, 1.5d, new DateTime(2012, 8, 15), null, false, new TestPoint(34.7818, 32.0853), null, null],
        ["OZONE", "Rush", 60d, 1500d, 2.0d, new DateTime(2013, 1, 10), new DateTime(2013, 1, 11, 8, 0, 0), true, null, "http://ozone.example", null],
        ["OZONE", "Buzz", null, null, null, null, null, null, null, null, null],
        ["GIN", "Bolero", 52d, 1100d, 0.25d, new DateTime(2012, 9, 3), new DateTime(2012, 9, 3, 12, 0, 0), true,
            new TestPoint(-122.3321, 47.6062), null, null],
        [null, "Red Bike's", 30d, 250d, 4.0d, new DateTime(2012, 8, 20), null, false, null, null, null],
    ];

    public DuckDbEngine Engine { get; } = new();

    public async Task InitializeAsync() => await Engine.CreateTableAsync(TestSchema.Vehicles, s_rows, CancellationToken.None);

    public async Task DisposeAsync() => await Engine.DisposeAsync();

    public async Task<IReadOnlyList<object?[]>> RunAsync(SoqlRequest request)
    {
        CompiledQuery query = SoqlCompiler.Compile(request, TestSchema.Vehicles, Engine.Dialect);
        return await Engine.QueryAsync(query, CancellationToken.None);
    }

    public Task<IReadOnlyList<object?[]>> RunAsync(string query) => RunAsync(new SoqlRequest { Query = query });

    /// <summary>The first column of every row.</summary>
    public async Task<List<object?>> ColumnAsync(string query) => [.. (await RunAsync(query)).Select(row => row[0])];
}
