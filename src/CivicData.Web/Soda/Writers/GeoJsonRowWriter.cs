using System.Collections.Immutable;
using System.Data.Common;
using System.IO.Pipelines;
using System.Text.Json;
using CivicData.Core.Schema;
using CivicData.Soql;
using CivicData.Storage.Querying;

namespace CivicData.Web.Soda.Writers;

/// <summary>
/// SODA GeoJSON (soda.md §5.3): a FeatureCollection whose geometry is the first geometry column of the output and
/// whose properties are all the other columns, nulls included; then the CRS84 <c>crs</c> member.
/// </summary>
public sealed class GeoJsonRowWriter : IRowWriter
{
    public string ContentType => "application/vnd.geo+json; charset=UTF-8";

    public async Task WriteAsync(DbDataReader reader, ImmutableArray<OutputColumn> columns, PipeWriter output, CancellationToken cancellationToken)
    {
        RowWriting.CheckColumns(reader, columns);
        ArgumentNullException.ThrowIfNull(output);
        JsonEncodedText[] names = RowWriting.EncodeNames(columns);
        int geometryAt = FindGeometryColumn(columns);

        // First row before the first byte: an early failure can still become an error response.
        bool more = await reader.ReadAsync(cancellationToken);
        await using var json = new Utf8JsonWriter(output, JsonRowWriter.WriterOptions);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        if (more && !await RowWriting.WriteJsonRowsAsync(reader, json, output, WriteFeature, cancellationToken))
        {
            return;
        }

        json.WriteEndArray();
        json.WriteStartObject("crs");
        json.WriteString("type", "name");
        json.WriteStartObject("properties");
        json.WriteString("name", "urn:ogc:def:crs:OGC:1.3:CRS84");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        await RowWriting.FlushAsync(output, cancellationToken);

        void WriteFeature(Utf8JsonWriter feature)
        {
            feature.WriteStartObject();
            feature.WriteString("type", "Feature");
            feature.WritePropertyName("geometry");
            if (geometryAt < 0)
            {
                feature.WriteNullValue();
            }
            else
            {
                SodaCellFormat.WriteGeometry(feature, reader, geometryAt, columns[geometryAt].Type);
            }

            feature.WriteStartObject("properties");
            for (int i = 0; i < columns.Length; i++)
            {
                if (i != geometryAt)
                {
                    SodaCellFormat.WriteJsonProperty(feature, names[i], reader, i, columns[i].Type, writeNull: true);
                }
            }

            feature.WriteEndObject();
            feature.WriteEndObject();
        }
    }

    private static int FindGeometryColumn(ImmutableArray<OutputColumn> columns)
    {
        for (int i = 0; i < columns.Length; i++)
        {
            if (columns[i].Type.IsGeometry())
            {
                return i;
            }
        }

        return -1;
    }
}
