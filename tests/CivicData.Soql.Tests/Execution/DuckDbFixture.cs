using CivicData.Soql.Rendering.Sql;
using CivicData.Soql.Tests.Support;
using DuckDB.NET.Data;

namespace CivicData.Soql.Tests.Execution;

/// <summary>
/// An in-memory DuckDB holding the vehicles table in the storage engine's physical layout, plus a canary table
/// that injection attempts must not touch.
/// </summary>
public sealed class DuckDbFixture : IDisposable
{
    private const string CreateTable = $"""
        CREATE TABLE "{TestSchema.TableName}" (
            ":id" VARCHAR, ":created_at" TIMESTAMP, ":updated_at" TIMESTAMP, ":seq" BIGINT,
            "make" VARCHAR, "name" VARCHAR, "v_max" DOUBLE, "price" DOUBLE, "ratio" DOUBLE,
            "available" TIMESTAMP, "inspected" TIMESTAMP, "active" BOOLEAN,
            "location" STRUCT(lon DOUBLE, lat DOUBLE), "website" VARCHAR, "area" VARCHAR);
        CREATE TABLE canary (x INTEGER);
        INSERT INTO canary VALUES (42);
        """;

    // Hand-written rows, in load order (:seq). Inserted out of :id order so that the default order is visibly :seq.
    private const string InsertRows = $$"""
        INSERT INTO "{{TestSchema.TableName}}" VALUES
        ('row-3', TIMESTAMP '2020-01-01 00:00:00', TIMESTAMP '2020-01-03 00:00:00', 1,
         'APCO', 'Karma', 55, 1200.5, 0.5, TIMESTAMP '2012-08-01 09:30:00', TIMESTAMP '2012-08-02 10:00:00', true,
         {'lon': 34.8926, 'lat': 32.50578}, 'http://apco.example/karma', NULL),
        ('row-1', TIMESTAMP '2020-01-01 00:00:00', TIMESTAMP '2020-01-01 00:00:00', 2,
         'APCO', 'Lift', 48, 900, 1.5, TIMESTAMP '2012-08-15 00:00:00', NULL, false,
         {'lon': 34.7818, 'lat': 32.0853}, NULL, NULL),
        ('row-2', TIMESTAMP '2020-01-02 00:00:00', TIMESTAMP '2020-01-02 00:00:00', 3,
         'OZONE', 'Rush', 60, 1500, 2.0, TIMESTAMP '2013-01-10 00:00:00', TIMESTAMP '2013-01-11 08:00:00', true,
         NULL, 'http://ozone.example', NULL),
        ('row-5', TIMESTAMP '2020-01-02 00:00:00', TIMESTAMP '2020-01-02 00:00:00', 4,
         'OZONE', 'Buzz', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
        ('row-4', TIMESTAMP '2020-01-03 00:00:00', TIMESTAMP '2020-01-04 00:00:00', 5,
         'GIN', 'Bolero', 52, 1100, 0.25, TIMESTAMP '2012-09-03 00:00:00', TIMESTAMP '2012-09-03 12:00:00', true,
         {'lon': -122.3321, 'lat': 47.6062}, NULL, NULL),
        ('row-6', TIMESTAMP '2020-01-03 00:00:00', TIMESTAMP '2020-01-03 00:00:00', 6,
         NULL, 'Red Bike''s', 30, 250, 4.0, TIMESTAMP '2012-08-20 00:00:00', NULL, false,
         NULL, NULL, NULL);
        """;

    public DuckDbFixture()
    {
        Connection = new DuckDBConnection("DataSource=:memory:");
        Connection.Open();
        using DuckDBCommand command = Connection.CreateCommand();
        command.CommandText = CreateTable + InsertRows;
        command.ExecuteNonQuery();
    }

    public DuckDBConnection Connection { get; }

    /// <summary>Runs a statement the way the store does: parameters added in order, without names.</summary>
    public List<object?[]> Run(SqlStatement statement, bool namedParameters = false)
    {
        using DuckDBCommand command = Connection.CreateCommand();
        command.CommandText = statement.Text;
        int ordinal = 1;
        foreach (SqlParameterValue parameter in statement.Parameters)
        {
            command.Parameters.Add(namedParameters
                ? new DuckDBParameter(ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture), parameter.Value)
                : new DuckDBParameter(parameter.Value!));
            ordinal++;
        }

        using DuckDBDataReader reader = command.ExecuteReader();
        List<object?[]> rows = [];
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public long CanaryCount()
    {
        using DuckDBCommand command = Connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM canary";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => Connection.Dispose();
}
