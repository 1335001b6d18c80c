using System.Collections;
using System.Globalization;
using CivicData.Core.Schema;
using CivicData.Soql.Rendering.Dialects;
using CivicData.Soql.Rendering.Dialects.DuckDb;
using CivicData.Soql.Rendering.Sql;
using CivicData.Soql.Tests.Engines;
using CivicData.Soql.Tests.Support;
using CivicData.Storage.DuckDb;
using DuckDB.NET.Data;

namespace CivicData.Soql.Tests.Execution;

/// <summary>
/// An in-memory DuckDB holding <see cref="VehicleRows"/> in the storage engine's physical layout, plus a canary table
/// that injection attempts must not touch.
/// </summary>
public sealed class DuckDbFixture : IExecutionFixture, IDisposable
{
    private const string CreateTables = $"""
        CREATE TABLE "{TestSchema.TableName}" (
            ":id" VARCHAR, ":seq" BIGINT, ":created_at" TIMESTAMP, ":updated_at" TIMESTAMP,
            "make" VARCHAR, "name" VARCHAR, "v_max" DOUBLE, "price" DOUBLE, "ratio" DOUBLE,
            "available" TIMESTAMP, "inspected" TIMESTAMP, "active" BOOLEAN,
            "location" STRUCT(lon DOUBLE, lat DOUBLE), "website" VARCHAR, "area" VARCHAR);
        CREATE TABLE canary (x INTEGER);
        INSERT INTO canary VALUES (42);
        """;

    // One placeholder per user value, except the point, which takes two (lon, lat) and is NULL when they are.
    private const string InsertRow = $"""
        INSERT INTO "{TestSchema.TableName}" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
            CASE WHEN $13 IS NULL THEN NULL ELSE struct_pack(lon := $13::DOUBLE, lat := $14::DOUBLE) END, $15, $16)
        """;

    // Position of "location" in a VehicleRows row: after the four system columns and eight user columns.
    private const int LocationIndex = 12;

    public DuckDbFixture()
    {
        Connection = new DuckDBConnection("DataSource=:memory:");
        Connection.Open();
        DuckDbGeometryFunctions.Register(Connection);
        using (DuckDBCommand create = Connection.CreateCommand())
        {
            create.CommandText = CreateTables;
            create.ExecuteNonQuery();
        }

        foreach (object?[] row in VehicleRows.All)
        {
            using DuckDBCommand insert = Connection.CreateCommand();
            insert.CommandText = InsertRow;
            for (int i = 0; i < row.Length; i++)
            {
                if (i == LocationIndex)
                {
                    var point = row[i] as TestPoint?;
                    insert.Parameters.Add(new DuckDBParameter(point?.Lon ?? (object)DBNull.Value));
                    insert.Parameters.Add(new DuckDBParameter(point?.Lat ?? (object)DBNull.Value));
                }
                else
                {
                    // Fixed timestamps are stored as UTC wall-clock TIMESTAMPs.
                    insert.Parameters.Add(new DuckDBParameter(row[i] is DateTime time ? DateTime.SpecifyKind(time, DateTimeKind.Unspecified) : row[i] ?? DBNull.Value));
                }
            }

            insert.ExecuteNonQuery();
        }
    }

    public DuckDBConnection Connection { get; }

    public ISqlDialect Dialect => DuckDbDialect.Instance;

    /// <summary>Runs a statement the way the store does (parameters added in order, without names); raw driver values.</summary>
    public List<object?[]> Run(SqlStatement statement, bool namedParameters = false)
    {
        ArgumentNullException.ThrowIfNull(statement);
        using DuckDBCommand command = Connection.CreateCommand();
        command.CommandText = statement.Text;
        int ordinal = 1;
        foreach (SqlParameterValue parameter in statement.Parameters)
        {
            command.Parameters.Add(namedParameters
                ? new DuckDBParameter(ordinal.ToString(CultureInfo.InvariantCulture), parameter.Value)
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

    public Task<IReadOnlyList<object?[]>> QueryAsync(CompiledQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyList<object?[]> rows = [.. Run(query.Statement).Select(row =>
            row.Select((value, i) => value is null ? null : Canonical(value, query.Columns[i].Type)).ToArray())];
        return Task.FromResult(rows);
    }

    public long CanaryCount()
    {
        using DuckDBCommand command = Connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM canary";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public bool IsRejectedValue(Exception exception) => false;

    public Task<long> CanaryCountAsync() => Task.FromResult(CanaryCount());

    public void Dispose() => Connection.Dispose();

    private static object Canonical(object value, SodaType type) => value switch
    {
        IDictionary fields when fields.Contains("lon") => new TestPoint(
            Convert.ToDouble(fields["lon"], CultureInfo.InvariantCulture), Convert.ToDouble(fields["lat"], CultureInfo.InvariantCulture)),
        DateTime time => DateTime.SpecifyKind(time, type == SodaType.FixedTimestamp ? DateTimeKind.Utc : DateTimeKind.Unspecified),
        decimal or long or int or short or float or System.Numerics.BigInteger => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => value,
    };
}
