using System.Collections.Immutable;
using CivicData.Core.Schema;
using CivicData.Soql.Tests.Cases;
using CivicData.Soql.Tests.Engines;

namespace CivicData.Soql.Tests.Fuzzing;

/// <summary>
/// Both engines loaded with the case tables, a table whose physical table and column names hold quotes and SQL, and
/// a canary table (one row, in the engine's own layout) that no fuzzed query may touch.
/// </summary>
public sealed class FuzzFixture : IAsyncLifetime
{
    /// <summary>A schema whose names need quoting: the compiler must quote them, never splice them.</summary>
    public static TableSchema HostileNames { get; } = new("fuzz\"; DROP TABLE things_cases; --",
    [
        new ColumnSchema(1, "we\"ird", "Weird", SodaType.Text, 1),
        new ColumnSchema(2, "n", "N", SodaType.Number, 2),
    ]);

    public static TableSchema Canary { get; } = new("canary", [new ColumnSchema(1, "x", "X", SodaType.Number, 1)]);

    public IReadOnlyList<IQueryEngine> Engines { get; } = [new DuckDbEngine(), new PostgresEngine()];

    public static ImmutableArray<TableSchema> Schemas => [FixtureData.La311Schema, FixtureData.ThingsSchema, HostileNames];

    public async Task InitializeAsync()
    {
        foreach (IQueryEngine engine in Engines)
        {
            if (engine is PostgresEngine postgres)
            {
                await postgres.StartAsync();
            }

            await engine.CreateTableAsync(FixtureData.La311Schema, FixtureData.La311.Rows, CancellationToken.None);
            await engine.CreateTableAsync(FixtureData.ThingsSchema, FixtureData.Things.Rows, CancellationToken.None);
            await engine.CreateTableAsync(HostileNames, [["a\"b", 1.0], [null, 2.0]], CancellationToken.None);
            await engine.CreateTableAsync(Canary, [[42.0]], CancellationToken.None);
        }
    }

    /// <summary>The canary's rows, read with the compiler itself so the engines' own layout is respected.</summary>
    public static async Task<int> CanaryRowsAsync(IQueryEngine engine)
    {
        CompiledQuery query = SoqlCompiler.Compile(new SoqlRequest { Select = "x" }, Canary, engine.Dialect);
        return (await engine.QueryAsync(query, CancellationToken.None)).Count;
    }

    public async Task DisposeAsync()
    {
        foreach (IQueryEngine engine in Engines)
        {
            await engine.DisposeAsync();
        }
    }
}
