using System.Data.Common;
using DuckDB.NET.Data;

namespace CivicData.SideBySide.Engines;

/// <summary>
/// The baseline: DuckDB in this process, a file database like CivicData's, loaded by DuckDB's own <c>read_csv</c> and
/// queried with hand-written SQL. Every value of every row is read, as a client of the engine would.
/// </summary>
internal sealed class RawDuckDb(string path) : IDisposable
{
    private readonly DuckDBConnection _connection = Open(path);

    public string Version => (string)Scalar("SELECT version()")!;

    public string Path => path;

    /// <summary>Replaces <paramref name="table"/> with the CSV's rows, types detected by DuckDB, and checkpoints.</summary>
    public void LoadCsv(string table, string csvPath)
    {
        using DuckDBCommand command = _connection.CreateCommand();
        // Table names are the harness's own constants; the file path is a parameter.
        command.CommandText = $"CREATE OR REPLACE TABLE {table} AS SELECT * FROM read_csv($path)";
        command.Parameters.Add(new DuckDBParameter("path", csvPath));
        command.ExecuteNonQuery();

        // Written through to the database file, as it is when `civicdata import` closes its store and exits.
        command.Parameters.Clear();
        command.CommandText = "CHECKPOINT";
        command.ExecuteNonQuery();
    }

    /// <summary>Runs <paramref name="sql"/> and reads every value; returns the row count.</summary>
    public long Query(string sql, params object[] parameters) => Query(_connection, sql, parameters);

    public static long Query(DuckDBConnection connection, string sql, params object[] parameters)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (object parameter in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(parameter));
        }

        using DbDataReader reader = command.ExecuteReader();
        return ReadAll(reader);
    }

    public object? Scalar(string sql)
    {
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Execute(string sql, params object[] parameters)
    {
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (object parameter in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(parameter));
        }

        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    internal static long ReadAll(DbDataReader reader)
    {
        long rows = 0;
        int fields = reader.FieldCount;
        while (reader.Read())
        {
            for (int i = 0; i < fields; i++)
            {
                _ = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows++;
        }

        return rows;
    }

    private static DuckDBConnection Open(string path)
    {
        var connection = new DuckDBConnection("Data Source=" + path);
        connection.Open();
        return connection;
    }
}
