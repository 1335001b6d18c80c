using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CivicData.Core.Schema;
using CivicData.Soql.Rendering.Dialects;
using CivicData.Soql.Rendering.Dialects.Postgres;
using CivicData.Soql.Rendering.Sql;
using CivicData.Storage.DuckDb;
using NetTopologySuite.Geometries;
using Npgsql;

namespace CivicData.Soql.Tests.Engines;

/// <summary>
/// PostgreSQL 15 + PostGIS (<see cref="PostgresTestServer"/>), with tables in <see cref="PostgresDialect"/>'s physical
/// layout, in a schema of this engine's own (<c>t_xxxxxxxx</c>, dropped at dispose) so parallel test classes never
/// collide. Sessions run with <c>TimeZone=UTC</c> and the schema, then PostGIS's <c>public</c>, on the search path.
/// Geometry is read with the Npgsql NetTopologySuite plugin.
/// </summary>
public sealed class PostgresEngine : IQueryEngine
{
    private static readonly DateTime s_epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N")[..12];
    private readonly Lazy<Task<NpgsqlDataSource>> _dataSource;

    public PostgresEngine()
    {
        _dataSource = new(CreateDataSourceAsync);
    }

    public string Name => "PostgreSQL";

    public ISqlDialect Dialect => PostgresDialect.Instance;

    /// <summary>Starts (or reaches) the server and creates the schema now rather than on first use.</summary>
    public Task StartAsync() => _dataSource.Value;

    public Task CreateTableAsync(TableSchema schema, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return CreateTableWithSystemColumnsAsync(
            schema,
            [.. rows.Select((row, index) => (object?[])[$"row-{index + 1}", (long)index + 1, s_epoch.AddHours(index + 1), s_epoch.AddHours(index + 1), .. row])],
            cancellationToken);
    }

    /// <summary>
    /// As <see cref="CreateTableAsync"/>, but each row starts with its system columns: <c>:id</c> (string),
    /// <c>:seq</c> (long), <c>:created_at</c>, <c>:updated_at</c> (UTC DateTime), then the user columns.
    /// </summary>
    public async Task CreateTableWithSystemColumnsAsync(TableSchema schema, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rows);
        string table = Quote(schema.TableName);
        var create = new StringBuilder(
            $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (\":id\" text, \":seq\" bigint, \":created_at\" timestamptz, \":updated_at\" timestamptz");
        var values = new StringBuilder("$1, $2, $3, $4");
        int next = 5;
        foreach (ColumnSchema column in schema.Columns)
        {
            create.Append(", ").Append(Quote(column.PhysicalName)).Append(' ').Append(PostgresDialect.ColumnTypeName(column.Type));
            values.Append(", ").Append(column.Type switch
            {
                SodaType.Point or SodaType.Location => $"ST_SetSRID(ST_MakePoint(${next++}, ${next++}), 4326)",
                SodaType.MultiPoint or SodaType.Line or SodaType.MultiLine or SodaType.Polygon or SodaType.MultiPolygon
                    => $"ST_SetSRID(ST_GeomFromGeoJSON(${next++}), 4326)",
                _ => $"${next++}",
            });
        }

        await ExecuteAsync(create.Append(')').ToString(), [], cancellationToken);

        NpgsqlDataSource dataSource = await _dataSource.Value;
        await using NpgsqlBatch batch = dataSource.CreateBatch();
        foreach (object?[] row in rows)
        {
            var command = new NpgsqlBatchCommand($"INSERT INTO {table} VALUES ({values})");
            command.Parameters.Add(Parameter(row[0], "text"));
            command.Parameters.Add(Parameter(row[1], "bigint"));
            command.Parameters.Add(Parameter(AsUtc(row[2]), "timestamp with time zone"));
            command.Parameters.Add(Parameter(AsUtc(row[3]), "timestamp with time zone"));
            for (int i = 0; i < schema.Columns.Length; i++)
            {
                object? value = row[i + 4];
                switch (schema.Columns[i].Type)
                {
                    case SodaType.Point or SodaType.Location:
                        command.Parameters.Add(Parameter((value as TestPoint?)?.Lon, "double precision"));
                        command.Parameters.Add(Parameter((value as TestPoint?)?.Lat, "double precision"));
                        break;
                    case SodaType.FixedTimestamp:
                        command.Parameters.Add(Parameter(AsUtc(value), "timestamp with time zone"));
                        break;
                    case SodaType type:
                        SqlParameterValue parameter = new(value, type);
                        command.Parameters.Add(Parameter(PostgresDialect.ParameterValue(parameter), PostgresDialect.ParameterTypeName(parameter)));
                        break;
                }
            }

            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<object?[]>> QueryAsync(CompiledQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        NpgsqlDataSource dataSource = await _dataSource.Value;
        await using NpgsqlCommand command = dataSource.CreateCommand(query.Statement.Text);
        foreach (SqlParameterValue parameter in query.Statement.Parameters)
        {
            command.Parameters.Add(Parameter(PostgresDialect.ParameterValue(parameter), PostgresDialect.ParameterTypeName(parameter)));
        }

        // numeric results come back as text: a product of two quotients can carry more fractional digits than a .NET
        // decimal holds (found by the differential property, seed 7xLl2Sy3fbe1), and the text always parses as a double.
        bool[] asText = [.. query.Columns.Select(column => column.Type is SodaType.Number or SodaType.Money)];
        command.UnknownResultTypeList = asText;

        var rows = new List<object?[]>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            object?[] row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null
                    : asText[i] ? double.Parse(reader.GetString(i), NumberStyles.Float, CultureInfo.InvariantCulture)
                    : Canonical(reader, i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Runs a statement that is not SoQL (setup, canaries), with unnamed positional parameters.</summary>
    public async Task<object?> ExecuteScalarAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        NpgsqlDataSource dataSource = await _dataSource.Value;
        await using NpgsqlCommand command = dataSource.CreateCommand(sql);
        foreach (object? parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_dataSource.IsValueCreated || !_dataSource.Value.IsCompletedSuccessfully)
        {
            return;
        }

        NpgsqlDataSource dataSource = await _dataSource.Value;
        await using (NpgsqlCommand drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {Quote(_schema)} CASCADE"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await dataSource.DisposeAsync();
    }

    private async Task<NpgsqlDataSource> CreateDataSourceAsync()
    {
        PostgresTestServer server = await PostgresTestServer.SharedAsync();
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {Quote(_schema)}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString)
        {
            SearchPath = _schema + ",public",
            Timezone = "UTC",
        };
        var builder = new NpgsqlDataSourceBuilder(connectionString.ConnectionString);
        builder.UseNetTopologySuite();
        return builder.Build();
    }

    private async Task ExecuteAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken) =>
        await ExecuteScalarAsync(sql, parameters, cancellationToken);

    private static NpgsqlParameter Parameter(object? value, string dataTypeName) =>
        new() { Value = value ?? DBNull.Value, DataTypeName = dataTypeName };

    private static object? AsUtc(object? value) => value is DateTime time ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : value;

    private static object Canonical(NpgsqlDataReader reader, int ordinal)
    {
        // numeric is read as a double directly: a decimal would overflow on values PostgreSQL holds happily.
        if (reader.GetDataTypeName(ordinal) == "numeric")
        {
            return reader.GetDouble(ordinal);
        }

        return reader.GetValue(ordinal) switch
        {
            Point point => new TestPoint(point.X, point.Y),
            // Compact GeoJSON with shortest round-trip numbers, written as the DuckDB store writes it: the canonical form.
            Geometry geometry => GeoJsonGeometry.Write(geometry),
            DateTime time => time,
            short or int or long or float or decimal => Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture),
            object value => value,
        };
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
