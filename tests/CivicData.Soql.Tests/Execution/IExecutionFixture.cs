using CivicData.Soql.Rendering.Dialects;

namespace CivicData.Soql.Tests.Execution;

/// <summary>An engine holding <see cref="VehicleRows"/> in the vehicles table, plus a canary table injections must not touch.</summary>
public interface IExecutionFixture
{
    public ISqlDialect Dialect { get; }

    /// <summary>Runs a compiled query the way the store does and returns canonical values (see <see cref="Engines.IQueryEngine"/>).</summary>
    public Task<IReadOnlyList<object?[]>> QueryAsync(CompiledQuery query);

    /// <summary>
    /// True when the engine refused a value the store must answer with a 400 rather than a 500: PostgreSQL text cannot
    /// hold NUL (SQLSTATE 22021), which DuckDB's VARCHAR can.
    /// </summary>
    public bool IsRejectedValue(Exception exception);

    /// <summary>Rows in the canary table: 1 unless something dropped or changed it.</summary>
    public Task<long> CanaryCountAsync();
}
