using System.Collections.Immutable;
using System.Data.Common;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using CivicData.Soql;
using CivicData.Storage.Querying;

namespace CivicData.Web.Soda.Writers;

/// <summary>SODA JSON (soda.md §5.1): an array of row objects keyed by output name, nulls omitted.</summary>
public sealed class JsonRowWriter : IRowWriter
{
    /// <summary>Non-ASCII text goes out as UTF-8, as Socrata does; the body is JSON, never HTML, so no HTML escaping is needed.</summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ContentType => "application/json; charset=UTF-8";

    public async Task WriteAsync(DbDataReader reader, ImmutableArray<OutputColumn> columns, PipeWriter output, CancellationToken cancellationToken)
    {
        RowWriting.CheckColumns(reader, columns);
        ArgumentNullException.ThrowIfNull(output);
        JsonEncodedText[] names = RowWriting.EncodeNames(columns);

        // Read the first row before writing a byte, so a query that fails or times out can still get an error response.
        bool more = await reader.ReadAsync(cancellationToken);
        await using var json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartArray();
        if (more && !await RowWriting.WriteJsonRowsAsync(reader, json, output, WriteRow, cancellationToken))
        {
            return;
        }

        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
        await RowWriting.FlushAsync(output, cancellationToken);

        void WriteRow(Utf8JsonWriter row)
        {
            row.WriteStartObject();
            for (int i = 0; i < columns.Length; i++)
            {
                SodaCellFormat.WriteJsonProperty(row, names[i], reader, i, columns[i].Type, writeNull: false);
            }

            row.WriteEndObject();
        }
    }
}
