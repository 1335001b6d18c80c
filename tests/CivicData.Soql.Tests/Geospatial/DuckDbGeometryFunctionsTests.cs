using CivicData.Storage.DuckDb;
using DuckDB.NET.Data;

namespace CivicData.Soql.Tests.Geospatial;

/// <summary>The civicdata_* functions as the store uses them: registered on every connection to one database file.</summary>
public sealed class DuckDbGeometryFunctionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("civicdata-geo-").FullName;

    [Fact]
    public void Every_connection_to_one_database_can_register_and_call_the_functions()
    {
        string connectionString = $"DataSource={Path.Combine(_directory, "geo.duckdb")}";
        using (var first = new DuckDBConnection(connectionString))
        {
            first.Open();
            DuckDbGeometryFunctions.Register(first);
            Assert.Equal(true, Scalar(first, "SELECT civicdata_point_within(0.5, 0.25, '{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}')"));
        }

        using var second = new DuckDBConnection(connectionString);
        second.Open();
        DuckDbGeometryFunctions.Register(second);
        using var third = new DuckDBConnection(connectionString);
        third.Open();
        DuckDbGeometryFunctions.Register(third);

        Assert.Equal(5d, Scalar(second, "SELECT civicdata_num_points('{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}')"));
        Assert.Equal(
            "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,1],[0,3],[2,3],[2,1],[0,1]]]]}",
            Scalar(third, "SELECT civicdata_box(0, 1, 2, 3)"));
        Assert.Equal(DBNull.Value, Scalar(third, "SELECT civicdata_within(NULL, '{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}')"));
    }

    [Fact]
    public void Predicates_agree_over_many_rows_on_duckdb_worker_threads()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        DuckDbGeometryFunctions.Register(connection);

        // 200 000 points on a 0.001° grid over [0, 0.2) × [0, 1): the triangle below y = x keeps those with y < x.
        object? count = Scalar(connection, """
            SELECT count(*) FROM (SELECT (i % 200) / 1000.0 AS x, (i // 200) / 1000.0 AS y FROM range(200000) t(i))
            WHERE civicdata_point_within(x, y, '{"type":"Polygon","coordinates":[[[-1,-1],[2,2],[2,-1],[-1,-1]]]}')
            """);

        long expected = 0;
        for (int i = 0; i < 200_000; i++)
        {
            expected += (i / 200) < (i % 200) ? 1 : 0;
        }

        Assert.Equal(expected, Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
