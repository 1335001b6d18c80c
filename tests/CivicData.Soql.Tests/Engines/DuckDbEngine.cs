using System.Collections;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CivicData.Core.Schema;
using CivicData.Soql.Rendering.Dialects;
using CivicData.Soql.Rendering.Dialects.DuckDb;
using CivicData.Soql.Rendering.Sql;
using CivicData.Storage.DuckDb;
using DuckDB.NET.Data;

namespace CivicData.Soql.Tests.Engines;

/// <summary>An in-memory DuckDB with tables in the storage engine's physical layout (docs/architecture.md).</summary>
public sealed class DuckDbEngine : IQueryEngine
{
    private static readonly DateTime s_epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly DuckDBConnection _connection;

    public DuckDbEngine()
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        DuckDbGeometryFunctions.Register(_connection);
    }

    public string Name => "DuckDB";

    public ISqlDialect Dialect => DuckDbDialect.Instance;

    public async Task CreateTableAsync(TableSchema schema, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rows);
        string table = Quote(schema.TableName);
        var create = new StringBuilder($"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (\":id\" VARCHAR, \":seq\" BIGINT, \":created_at\" TIMESTAMP, \":updated_at\" TIMESTAMP");
        foreach (ColumnSchema column in schema.Columns)
        {
            create.Append(", ").Append(Quote(column.PhysicalName)).Append(' ').Append(PhysicalType(column.Type));
        }

        await ExecuteAsync(create.Append(')').ToString(), [], cancellationToken);

        // Parameters are numbered in the order values are added below: a point takes two (lon, lat).
        var placeholders = new StringBuilder("$1, $2, $3, $3");
        int next = 4;
        foreach (ColumnSchema column in schema.Columns)
        {
            if (column.Type is SodaType.Point or SodaType.Location)
            {
                placeholders.Append(CultureInfo.InvariantCulture, $", CASE WHEN ${next} IS NULL THEN NULL ELSE struct_pack(lon := ${next}::DOUBLE, lat := ${next + 1}::DOUBLE) END");
                next += 2;
            }
            else
            {
                placeholders.Append(CultureInfo.InvariantCulture, $", ${next++}");
            }
        }

        string insert = $"INSERT INTO {table} VALUES ({placeholders})";
        for (int n = 1; n <= rows.Count; n++)
        {
            var values = new List<object?> { $"row-{n}", (long)n, s_epoch.AddHours(n) };
            for (int i = 0; i < schema.Columns.Length; i++)
            {
                object? value = rows[n - 1][i];
                if (schema.Columns[i].Type is SodaType.Point or SodaType.Location)
                {
                    values.Add((value as TestPoint?)?.Lon);
                    values.Add((value as TestPoint?)?.Lat);
                }
                else
                {
                    values.Add(value);
                }
            }

            await ExecuteAsync(insert, values, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<object?[]>> QueryAsync(CompiledQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = query.Statement.Text;
        foreach (SqlParameterValue parameter in query.Statement.Parameters)
        {
            command.Parameters.Add(new DuckDBParameter(parameter.Value ?? DBNull.Value));
        }

        var rows = new List<object?[]>();
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            object?[] row = new object?[query.Columns.Length];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Canonical(reader.GetValue(i), query.Columns[i].Type);
            }

            rows.Add(row);
        }

        return rows;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static object Canonical(object value, SodaType type) => value switch
    {
        IDictionary fields when fields.Contains("lon") => new TestPoint(Convert.ToDouble(fields["lon"], CultureInfo.InvariantCulture), Convert.ToDouble(fields["lat"], CultureInfo.InvariantCulture)),
        DateTime time => DateTime.SpecifyKind(time, type == SodaType.FixedTimestamp ? DateTimeKind.Utc : DateTimeKind.Unspecified),
        decimal or long or int or short or float or double or System.Numerics.BigInteger => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    private static string PhysicalType(SodaType type) => type switch
    {
        SodaType.Number or SodaType.Double or SodaType.Money => "DOUBLE",
        SodaType.Checkbox => "BOOLEAN",
        SodaType.FloatingTimestamp or SodaType.FixedTimestamp => "TIMESTAMP",
        SodaType.Point or SodaType.Location => "STRUCT(lon DOUBLE, lat DOUBLE)",
        SodaType.Text or SodaType.Url or SodaType.Json or SodaType.MultiPoint or SodaType.Line or SodaType.MultiLine
            or SodaType.Polygon or SodaType.MultiPolygon => "VARCHAR",
        _ => throw new UnreachableException(),
    };

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private async Task ExecuteAsync(string sql, List<object?> parameters, CancellationToken cancellationToken)
    {
        await using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (object? parameter in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(parameter ?? DBNull.Value));
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
