using CivicData.Core.Schema;
using CivicData.Soql.Rendering.Dialects;

namespace CivicData.Soql.Tests.Engines;

/// <summary>
/// A real database engine the tests load fixture tables into and run compiled SoQL on, so that the same case runs on
/// DuckDB and on PostgreSQL and both answers can be compared with each other and with hand-computed values.
/// </summary>
/// <remarks>
/// Canonical values, in and out: null; string (text, url, json); double (number, double, money — PostgreSQL numeric
/// is read back as double); bool (checkbox); DateTime with Kind Unspecified (floating_timestamp) or Utc
/// (fixed_timestamp); <see cref="TestPoint"/> (point, location); string holding GeoJSON (other geometries).
/// </remarks>
public interface IQueryEngine : IAsyncDisposable
{
    public string Name { get; }

    public ISqlDialect Dialect { get; }

    /// <summary>
    /// Creates (or replaces) <paramref name="schema"/>'s table in the engine's physical layout and loads
    /// <paramref name="rows"/> (one canonical value per user column, in schema order). System columns are added:
    /// <c>:id</c> = "row-{n}", <c>:seq</c> = n (1-based load order), <c>:created_at</c> = <c>:updated_at</c> =
    /// 2020-01-01T00:00:00Z + n hours.
    /// </summary>
    public Task CreateTableAsync(TableSchema schema, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken);

    /// <summary>Runs the query and returns every row as canonical values, in the order the engine produced them.</summary>
    public Task<IReadOnlyList<object?[]>> QueryAsync(CompiledQuery query, CancellationToken cancellationToken);
}

/// <summary>A point in canonical form: longitude, latitude (WGS84 degrees).</summary>
public readonly record struct TestPoint(double Lon, double Lat);
