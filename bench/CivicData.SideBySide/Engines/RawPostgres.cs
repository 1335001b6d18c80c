using System.Data.Common;
using Npgsql;

namespace CivicData.SideBySide.Engines;

/// <summary>
/// The second baseline: PostgreSQL, loaded with <c>COPY … FROM STDIN</c> straight from the CSV file and queried with
/// the same hand-written SQL. Every value of every row is read.
/// </summary>
internal sealed class RawPostgres(string connectionString) : IAsyncDisposable
{
    /// <summary>The generated file's columns with the types a person would choose for them.</summary>
    public const string ServiceRequestColumns =
        "case_id text, opened timestamp, closed timestamp, status text, request_type text, department text, district integer, " +
        "neighborhood text, address text, latitude double precision, longitude double precision, description text";

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task<string> VersionAsync() => (string)(await ScalarAsync("SHOW server_version"))!;

    /// <summary>Recreates <paramref name="table"/> and copies the CSV into it.</summary>
    public async Task LoadCsvAsync(string table, string csvPath)
    {
        await ExecuteAsync($"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} ({ServiceRequestColumns})");
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync();
        // Npgsql's raw copy is for the binary format only; a CSV goes through the text importer in big blocks.
        await using (TextWriter copy = await connection.BeginTextImportAsync($"COPY {table} FROM STDIN (FORMAT csv, HEADER true)"))
        using (var file = new StreamReader(csvPath, System.Text.Encoding.UTF8, false, 1 << 20))
        {
            char[] block = new char[1 << 16];
            int read;
            while ((read = await file.ReadAsync(block)) > 0)
            {
                await copy.WriteAsync(block.AsMemory(0, read));
            }
        }

        await ExecuteAsync($"ANALYZE {table}");
    }

    public async Task<long> QueryAsync(string sql, params object[] parameters)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (object parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using DbDataReader reader = await command.ExecuteReaderAsync();
        long rows = 0;
        int fields = reader.FieldCount;
        while (await reader.ReadAsync())
        {
            for (int i = 0; i < fields; i++)
            {
                _ = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows++;
        }

        return rows;
    }

    /// <summary>Runs a COPY … TO STDOUT and counts the characters that arrive.</summary>
    public async Task<long> CopyOutAsync(string copySql)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync();
        using TextReader reader = await connection.BeginTextExportAsync(copySql);
        char[] block = new char[1 << 16];
        long total = 0;
        int read;
        while ((read = await reader.ReadAsync(block)) > 0)
        {
            total += read;
        }

        return total;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
