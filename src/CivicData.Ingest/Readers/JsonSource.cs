using System.Text;
using System.Text.Json;

namespace CivicData.Ingest.Readers;

/// <summary>Opening JSON files as UTF-8 byte streams, and peeking at how they start.</summary>
internal static class JsonSource
{
    /// <summary>
    /// Opens <paramref name="path"/> for sequential reading. JSON is UTF-8 by definition; when the user names another
    /// encoding the bytes are transcoded to UTF-8 on the fly.
    /// </summary>
    public static Stream Open(string path, string? encodingName)
    {
        Encoding encoding = SourceEncoding.Resolve(encodingName);
        FileStream file = SourceFile.OpenSequential(path);

        return SourceEncoding.IsUtf8(encoding)
            ? file
            : Encoding.CreateTranscodingStream(file, encoding, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: false);
    }

    /// <summary>The first byte that is not a BOM or whitespace, or null for an empty file.</summary>
    public static byte? FirstSignificantByte(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(CsvSniffer.Utf8Bom))
        {
            head = head[CsvSniffer.Utf8Bom.Length..];
        }

        foreach (byte b in head)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the first 64 KB of the file look like a GeoJSON FeatureCollection: a root object with
    /// <c>"type": "FeatureCollection"</c> or a <c>"features"</c> member.
    /// </summary>
    public static bool LooksLikeFeatureCollection(string path)
    {
        byte[] head = SourceFile.ReadHead(path, CsvSniffer.SampleSize, out bool complete);
        ReadOnlySpan<byte> span = head;
        if (span.StartsWith(CsvSniffer.Utf8Bom))
        {
            span = span[CsvSniffer.Utf8Bom.Length..];
        }

        try
        {
            var reader = new Utf8JsonReader(span, complete, default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isType = reader.ValueTextEquals("type"u8);
                if (reader.ValueTextEquals("features"u8))
                {
                    return true;
                }

                if (!reader.Read())
                {
                    return false;
                }

                if (isType && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("FeatureCollection"u8))
                {
                    return true;
                }

                if (!reader.TrySkip())
                {
                    return false;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }
}
