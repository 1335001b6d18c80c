using System.Globalization;
using CivicData.Soql.Rendering.Dialects;
using CivicData.Soql.Tests.Engines;
using CivicData.Soql.Tests.Support;
using Npgsql;

namespace CivicData.Soql.Tests.Execution;

/// <summary>PostgreSQL 15 + PostGIS holding the vehicles table in <see cref="PostgresEngine"/>'s schema, plus a canary table.</summary>
public sealed class PostgresFixture : IExecutionFixture, IAsyncLifetime
{
    public PostgresEngine Engine { get; } = new();

    public ISqlDialect Dialect => Engine.Dialect;

    public async Task InitializeAsync()
    {
        await Engine.CreateTableWithSystemColumnsAsync(TestSchema.Vehicles, VehicleRows.All, CancellationToken.None);
        await Engine.ExecuteScalarAsync("CREATE TABLE canary (x integer); INSERT INTO canary VALUES (42)", [], CancellationToken.None);
    }

    public Task<IReadOnlyList<object?[]>> QueryAsync(CompiledQuery query) => Engine.QueryAsync(query, CancellationToken.None);

    public bool IsRejectedValue(Exception exception) => exception is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire };

    public async Task<long> CanaryCountAsync() =>
        Convert.ToInt64(await Engine.ExecuteScalarAsync("SELECT count(*) FROM canary", [], CancellationToken.None), CultureInfo.InvariantCulture);

    public Task DisposeAsync() => Engine.DisposeAsync().AsTask();
}
