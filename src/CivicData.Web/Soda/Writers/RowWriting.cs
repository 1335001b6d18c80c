using System.Collections.Immutable;
using System.Data.Common;
using System.IO.Pipelines;
using System.Text.Json;
using CivicData.Soql;
using CivicData.Storage.Querying;

namespace CivicData.Web.Soda.Writers;

/// <summary>What every row writer shares: the flush cadence and the QueryResult overload.</summary>
internal static class RowWriting
{
    /// <summary>Rows between flushes: small enough that the client sees data early, large enough to batch syscalls.</summary>
    public const int FlushEvery = 1000;

    public static async Task WriteAsync(IRowWriter writer, QueryResult result, ImmutableArray<OutputColumn> columns, PipeWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);

        // The result's token carries the query's time limit; the caller's may carry more (e.g. the CLI's Ctrl+C).
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, result.CancellationToken);
        await writer.WriteAsync(result.Reader, columns, output, linked.Token);
    }

    /// <summary>Pushes what was written so far to the client; false when the reader side has gone away.</summary>
    public static async ValueTask<bool> FlushAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        FlushResult flushed = await output.FlushAsync(cancellationToken);
        return !flushed.IsCompleted && !flushed.IsCanceled;
    }

    /// <summary>
    /// Writes the current row and every following one with <paramref name="writeRow"/>, flushing every
    /// <see cref="FlushEvery"/> rows; returns false when the client went away mid-stream.
    /// </summary>
    public static async Task<bool> WriteJsonRowsAsync(DbDataReader reader, Utf8JsonWriter json, PipeWriter output, Action<Utf8JsonWriter> writeRow, CancellationToken cancellationToken)
    {
        bool more = true;
        int sinceFlush = 0;
        while (more)
        {
            writeRow(json);
            if (++sinceFlush == FlushEvery)
            {
                sinceFlush = 0;
                await json.FlushAsync(cancellationToken);
                if (!await FlushAsync(output, cancellationToken))
                {
                    return false;
                }
            }

            more = await reader.ReadAsync(cancellationToken);
        }

        return true;
    }

    public static JsonEncodedText[] EncodeNames(ImmutableArray<OutputColumn> columns)
    {
        var names = new JsonEncodedText[columns.Length];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = JsonEncodedText.Encode(columns[i].Name, JsonRowWriter.WriterOptions.Encoder);
        }

        return names;
    }

    public static void CheckColumns(DbDataReader reader, ImmutableArray<OutputColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.FieldCount < columns.Length)
        {
            throw new InvalidOperationException($"The query returned {reader.FieldCount} columns but {columns.Length} output columns were expected.");
        }
    }
}
