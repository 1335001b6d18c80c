using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CivicData.Core.Schema;
using CivicData.Soql;
using CivicData.Soql.Rendering.Sql;
using DuckDB.NET.Data;

namespace CivicData.Storage.DuckDb;

/// <summary>Parquet exports: DuckDB's own writer, fed by a compiled query.</summary>
public sealed partial class DuckDbDataStore
{
    public async Task ExportParquetAsync(SqlStatement statement, ImmutableArray<OutputColumn> columns, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(path);
        string sql = ParquetCopySql(statement.Text, columns, Path.GetFullPath(path));
        await using DuckDBConnection connection = OpenConnection();
        await using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (SqlParameterValue parameter in statement.Parameters)
        {
            command.Parameters.Add(new DuckDBParameter(parameter.Value ?? DBNull.Value));
        }

        try
        {
            // No time limit, as for every full download; the caller's token still stops it.
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            File.Delete(path);
            throw TranslateQueryException(exception, timedOut: false, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// <c>COPY (SELECT …) TO '…' (FORMAT parquet)</c> around the compiled query. Every piece of text is ours: the inner
    /// query from the compiler (its values stay parameters), column names quoted, and a path the caller generated
    /// (quoted as a string literal). The inner columns are renamed positionally, so Parquet's names are the output
    /// names, and points become WKT (<c>POINT (lon lat)</c>) as in CSV; other types keep their DuckDB type.
    /// </summary>
    internal static string ParquetCopySql(string query, ImmutableArray<OutputColumn> columns, string path)
    {
        var select = new StringBuilder("SELECT ");
        var positions = new StringBuilder();
        for (int i = 0; i < columns.Length; i++)
        {
            string source = "q." + Quote("c" + i.ToString(CultureInfo.InvariantCulture));
            if (i > 0)
            {
                select.Append(", ");
                positions.Append(", ");
            }

            positions.Append(Quote("c" + i.ToString(CultureInfo.InvariantCulture)));
            select.Append(columns[i].Type is SodaType.Point or SodaType.Location
                ? $"CASE WHEN {source} IS NULL THEN NULL ELSE 'POINT (' || CAST({source}.lon AS VARCHAR) || ' ' || CAST({source}.lat AS VARCHAR) || ')' END"
                : source);
            select.Append(" AS ").Append(Quote(columns[i].Name));
        }

        select.Append(" FROM (").Append(query).Append(") AS q(").Append(positions).Append(')');
        string literal = "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
        return $"COPY ({select}) TO {literal} (FORMAT parquet, COMPRESSION zstd)";
    }
}
