using System.Globalization;
using System.Text;
using CivicData.Core;
using CivicData.Storage.Loading;
using DuckDB.NET.Data;

namespace CivicData.Storage.DuckDb;

public sealed partial class DuckDbDataStore
{
    private static readonly char[] s_delimiters = [',', '\t', ';', '|'];

    public async Task<StagingTable> StageDelimitedFileAsync(string path, char delimiter, int columnCount, CancellationToken cancellationToken)
    {
        // Only our sniffer's delimiters and our own column names reach the SQL; the path is quoted as a literal
        // because read_csv takes no parameters for it.
        if (Array.IndexOf(s_delimiters, delimiter) < 0)
        {
            throw new ValidationError("ingest.delimiter", $"Unsupported delimiter '{delimiter}'.");
        }

        string table = NewStagingName();
        var columns = new StringBuilder();
        for (int i = 0; i < columnCount; i++)
        {
            columns.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"'c{i}': 'VARCHAR'");
        }

        string delimiterLiteral = delimiter == '\t' ? "\\t" : delimiter.ToString();
        string Sql(bool padShortRows) =>
            $"CREATE TABLE {Staged(table)} AS SELECT row_number() OVER () AS rn, * FROM read_csv({Literal(Path.GetFullPath(path))}, " +
            $"delim = '{delimiterLiteral}', quote = '\"', escape = '\"', header = true, auto_detect = false, " +
            $"null_padding = {(padShortRows ? "true, parallel = false" : "false")}, strict_mode = true, max_line_size = 16777216, columns = {{{columns}}})";
        await using DuckDBConnection connection = OpenConnection();
        try
        {
            try
            {
                await ExecuteAsync(connection, Sql(padShortRows: false), cancellationToken);
            }
            catch (DuckDBException ex) when (ex.Message.Contains("Expected Number of Columns", StringComparison.Ordinal))
            {
                // A row with fewer fields than the header. Padding it with nulls is what a spreadsheet does, but DuckDB's
                // parallel scanner cannot pad once a quoted value holds a line break, so such files take the slower
                // single-threaded scanner; files without short rows (nearly all) keep the parallel one.
                await DropQuietlyAsync(connection, table);
                await ExecuteAsync(connection, Sql(padShortRows: true), cancellationToken);
            }
        }
        catch (DuckDBException ex)
        {
            await DropQuietlyAsync(connection, table);
            throw new ValidationError("ingest.malformed-csv", $"The file could not be read as delimited text: {FirstLine(ex.Message)}", null, ex);
        }
        catch (OperationCanceledException)
        {
            await DropQuietlyAsync(connection, table);
            throw;
        }

        long rows = await ScalarAsync<long>(connection, $"SELECT count(*) FROM {Staged(table)}", cancellationToken);
        return new StagingTable(table, columnCount, rows);
    }

    public async Task<StagingTable> StageRowsAsync(int columnCount, Func<IStagingSink, CancellationToken, Task> fill, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fill);
        string table = NewStagingName();
        var columns = new StringBuilder("rn BIGINT");
        for (int i = 0; i < columnCount; i++)
        {
            columns.Append(CultureInfo.InvariantCulture, $", c{i} VARCHAR");
        }

        await using DuckDBConnection connection = OpenConnection();
        await ExecuteAsync(connection, $"CREATE TABLE {Staged(table)} ({columns})", cancellationToken);
        long rows;
        try
        {
            using (DuckDBAppender appender = connection.CreateAppender(StagingDatabase, "main", table))
            {
                var sink = new AppenderSink(appender, columnCount);
                await fill(sink, cancellationToken);
                rows = sink.Rows;
            }
        }
        catch
        {
            await DropQuietlyAsync(connection, table);
            throw;
        }

        return new StagingTable(table, columnCount, rows);
    }

    private static string NewStagingName() => StagingPrefix + Guid.NewGuid().ToString("N")[..16];

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static async Task DropQuietlyAsync(DuckDBConnection connection, string table)
    {
        try
        {
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {Staged(table)}", CancellationToken.None);
        }
        catch (DuckDBException)
        {
            // The failure being reported matters more than a leftover staging table; start-up cleanup drops it.
        }
    }

    private sealed class AppenderSink(DuckDBAppender appender, int columnCount) : IStagingSink
    {
        public long Rows { get; private set; }

        public void AppendRow(long rowNumber, ReadOnlySpan<string?> values)
        {
            if (values.Length > columnCount)
            {
                throw new ValidationError("ingest.ragged-row", $"Row {rowNumber} has {values.Length} fields but the header has {columnCount}.");
            }

            var row = appender.CreateRow();
            row.AppendValue(rowNumber);
            for (int i = 0; i < columnCount; i++)
            {
                string? value = i < values.Length ? values[i] : null;
                if (value is null)
                {
                    row.AppendNullValue();
                }
                else
                {
                    row.AppendValue(value);
                }
            }

            row.EndRow();
            Rows++;
        }
    }
}
