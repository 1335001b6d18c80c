using System.Diagnostics;
using Npgsql;

namespace CivicData.Soql.Tests.Engines;

/// <summary>
/// The PostgreSQL 15 + PostGIS server the tests run on: the one named by <c>CIVICDATA_TEST_POSTGRES</c> (test.sh starts
/// it), else a private one started once per test run with <c>scripts/postgres-test-server.sh</c> and stopped when the
/// test process exits. Never skipped: without PostgreSQL the tests fail with the reason.
/// </summary>
/// <remarks>
/// The tests use a database of their own, <c>civicdata_soql_tests</c>, created with the collation and character
/// classes that <see cref="Soql.Rendering.Dialects.Postgres.PostgresDialect"/> asks for (UTF-8, <c>LC_COLLATE 'C'</c>,
/// <c>LC_CTYPE 'C.UTF-8'</c>) and the PostGIS and unaccent extensions installed; each engine then works in a schema of its own.
/// </remarks>
internal sealed class PostgresTestServer
{
    public const string EnvironmentVariable = "CIVICDATA_TEST_POSTGRES";
    private const string DatabaseName = "civicdata_soql_tests";

    private static readonly Lazy<Task<PostgresTestServer>> s_shared = new(StartAsync);

    private PostgresTestServer(string connectionString)
    {
        ConnectionString = connectionString;
    }

    /// <summary>Connection string of the tests' database (no search path, no time zone: engines add their own).</summary>
    public string ConnectionString { get; }

    public static Task<PostgresTestServer> SharedAsync() => s_shared.Value;

    private static async Task<PostgresTestServer> StartAsync()
    {
        string? connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = await StartPrivateServerAsync();
        }

        try
        {
            return new PostgresTestServer(await CreateTestDatabaseAsync(connectionString));
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need a PostgreSQL 15 + PostGIS server; connecting to '{connectionString}' failed: {exception.Message}", exception);
        }
    }

    private static async Task<string> CreateTestDatabaseAsync(string serverConnectionString)
    {
        await using (var connection = new NpgsqlConnection(serverConnectionString))
        {
            await connection.OpenAsync();

            // Several test processes may share the server: the advisory lock makes creation happen once.
            await ExecuteAsync(connection, "SELECT pg_advisory_lock(4004)");
            try
            {
                await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", connection);
                exists.Parameters.Add(new NpgsqlParameter { Value = DatabaseName });
                if ((long)(await exists.ExecuteScalarAsync())! == 0)
                {
                    await ExecuteAsync(connection,
                        $"CREATE DATABASE {DatabaseName} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'");
                }

                var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = DatabaseName };
                await using (var database = new NpgsqlConnection(builder.ConnectionString))
                {
                    await database.OpenAsync();
                    await ExecuteAsync(database, "CREATE EXTENSION IF NOT EXISTS postgis");
                    await ExecuteAsync(database, "CREATE EXTENSION IF NOT EXISTS unaccent");
                }

                return builder.ConnectionString;
            }
            finally
            {
                await ExecuteAsync(connection, "SELECT pg_advisory_unlock(4004)");
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartPrivateServerAsync()
    {
        string script = Path.Combine(FindRepositoryRoot(), "scripts", "postgres-test-server.sh");
        string directory = Path.Combine(Path.GetTempPath(), "civicdata-soql-pg-" + Guid.NewGuid().ToString("N")[..12]);
        (int exitCode, string output, string error) = await RunAsync("bash", [script, "start", directory]);
        string? connectionString = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (exitCode != 0 || connectionString is null)
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need a PostgreSQL 15 + PostGIS server: set {EnvironmentVariable} or let '{script} start' work. It exited with {exitCode}:\n{error}");
        }

        // Stopping and removing happen in one shell, so they finish even if the test host is torn down meanwhile.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            RunAsync("bash", ["-c", "\"$0\" stop \"$1\"; rm -rf \"$1\"", script, directory]).GetAwaiter().GetResult();
        return connectionString;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not run {program}.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The directory holding CivicData.sln, found by walking up from the test assembly.</summary>
    public static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CivicData.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CivicData.sln above {AppContext.BaseDirectory}.");
    }
}
