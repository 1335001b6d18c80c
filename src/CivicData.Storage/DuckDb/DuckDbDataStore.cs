using System.Data.Common;
using CivicData.Core;
using CivicData.Soql.Rendering.Dialects;
using CivicData.Soql.Rendering.Dialects.DuckDb;
using CivicData.Soql.Rendering.Sql;
using CivicData.Storage.Querying;
using DuckDB.NET.Data;

namespace CivicData.Storage.DuckDb;

/// <summary>
/// The embedded data store: one DuckDB file, one table per dataset version. A root connection keeps the database
/// open for the life of the store; every operation opens its own connection to it, so reads run side by side.
/// </summary>
public sealed partial class DuckDbDataStore : IDataStore, IAsyncDisposable, IDisposable
{
    private const string StagingDatabase = "civicdata_staging", StagingPrefix = "stage_";

    private readonly DuckDBConnection _root;
    private readonly string _connectionString;
    private readonly StorageOptions _options;

    public DuckDbDataStore(string databasePath, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        string? directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = $"Data Source={databasePath}";
        _root = new DuckDBConnection(_connectionString);
        try
        {
            _root.Open();

            // Functions registered on one connection are visible to every connection of the database, so once is enough;
            // registering per connection raced when two opened at once ("Error registering user defined scalar function").
            DuckDbGeometryFunctions.Register(_root);

            // Staging tables live in an in-memory database attached once for the whole instance (every connection sees
            // it): loading a file's text into it costs a fraction of writing it to the file, and whatever an interrupted
            // load leaves there vanishes with the process. DuckDB spills it to its temporary directory when memory is short.
            using DuckDBCommand attach = _root.CreateCommand();
            attach.CommandText = $"ATTACH ':memory:' AS {StagingDatabase}";
            attach.ExecuteNonQuery();
        }
        catch (DuckDBException ex)
        {
            _root.Dispose();
            throw new ConflictError("data.locked", $"Cannot open the data store {databasePath}: {FirstLine(ex.Message)}");
        }
    }

    public ISqlDialect Dialect => DuckDbDialect.Instance;

    public Task<QueryResult> QueryAsync(SqlStatement statement, CancellationToken cancellationToken) =>
        RunAsync(statement, _options.QueryTimeout, cancellationToken);

    public Task<QueryResult> ExportAsync(SqlStatement statement, CancellationToken cancellationToken) =>
        RunAsync(statement, Timeout.InfiniteTimeSpan, cancellationToken);

    private async Task<QueryResult> RunAsync(SqlStatement statement, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var timeout = new CancellationTokenSource(timeLimit);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        DuckDBConnection connection = OpenConnection();
        // Streaming: DuckDB hands over rows as the client reads them. Without it the whole result is materialised
        // first, and a full download of 1M rows held ~400 MB per request in the server (issue 5, W5).
        DuckDBCommand command = connection.CreateCommand();
        command.UseStreamingMode = true;
        try
        {
            command.CommandText = statement.Text;
            foreach (SqlParameterValue parameter in statement.Parameters)
            {
                command.Parameters.Add(new DuckDBParameter(parameter.Value ?? DBNull.Value));
            }

            DbDataReader reader = await command.ExecuteReaderAsync(linked.Token);
            return new QueryResult(connection, command, reader, timeout, linked);
        }
        catch (Exception ex)
        {
            await command.DisposeAsync();
            await connection.DisposeAsync();
            bool timedOut = timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
            linked.Dispose();
            timeout.Dispose();
            throw TranslateQueryException(ex, timedOut, _options.QueryTimeout);
        }
    }

    /// <summary>Turns engine failures into the error hierarchy; the caller's own cancellation passes through.</summary>
    public static Exception TranslateQueryException(Exception exception, bool timedOut, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (timedOut)
        {
            return new QueryError("query.execution.query-timeout", $"The query took longer than {limit.TotalSeconds:0} seconds and was cancelled.", null, exception);
        }

        return exception switch
        {
            OperationCanceledException => exception,
            DuckDBException duck => new QueryError("query.execution.failed", $"The query could not be run: {FirstLine(duck.Message)}", null, duck),
            _ => exception,
        };
    }

    public async Task DropTableAsync(string tableName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        await using DuckDBConnection connection = OpenConnection();
        if (tableName.StartsWith(StagingPrefix, StringComparison.Ordinal))
        {
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {Staged(tableName)}", cancellationToken);
        }

        // Also in the file: releases before the staging database kept their staging tables there.
        await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {Quote(tableName)}", cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken cancellationToken)
    {
        await using DuckDBConnection connection = OpenConnection();
        await using DuckDBCommand command = connection.CreateCommand();
        // The file's tables and the staging tables of loads under way in this process.
        command.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' " +
                              $"AND table_catalog IN (current_database(), '{StagingDatabase}') ORDER BY table_name";
        var names = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public void Dispose() => _root.Dispose();

    public ValueTask DisposeAsync() => _root.DisposeAsync();

    /// <summary>A staging table's name qualified with the in-memory staging database.</summary>
    internal static string Staged(string stagingTable) => StagingDatabase + ".main." + Quote(stagingTable);

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline];
    }

    private DuckDBConnection OpenConnection()
    {
        // DuckDB.NET shares one database instance between connections to the same file in a process; the root
        // connection keeps that instance (and its caches) alive between operations.
        var connection = new DuckDBConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (object? parameter in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(parameter ?? DBNull.Value));
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        object? value = await command.ExecuteScalarAsync(cancellationToken);
        return (T)Convert.ChangeType(value ?? default(T)!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
