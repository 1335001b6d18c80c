using System.Globalization;
using System.Text;
using System.Text.Json;

using CivicData.Core.Schema;

namespace CivicData.Ingest.Readers;

/// <summary>
/// Reads newline-delimited JSON (one object per line; blank lines are skipped). The first pass collects the union of
/// keys and their hints, the second yields rows; only one line is held at a time.
/// </summary>
internal sealed class NdjsonTabularReader : ITabularReader
{
    private readonly string _path;
    private readonly StreamReader _lines;
    private readonly IReadOnlyDictionary<string, int> _ordinals;
    private readonly bool[] _asJson;
    private readonly string?[] _values;
    private long _lineNumber;
    private long _rowNumber;

    private NdjsonTabularReader(string path, StreamReader lines, JsonColumnCollector collector)
    {
        _path = path;
        _lines = lines;
        _ordinals = collector.Ordinals;
        Columns = collector.Build();
        _asJson = Columns.Select(c => c.TypeHint == SodaType.Json).ToArray();
        _values = new string?[Columns.Count];
    }

    public IReadOnlyList<SourceColumn> Columns { get; }

    public long RowNumber => _rowNumber;

    public static async Task<NdjsonTabularReader> OpenAsync(string path, string? encodingName, CancellationToken cancellationToken)
    {
        Encoding encoding = SourceEncoding.Resolve(encodingName);
        var collector = new JsonColumnCollector();
        using (StreamReader firstPass = OpenLines(path, encoding))
        {
            long lineNumber = 0;
            while (true)
            {
                (JsonDocument? document, lineNumber) = await NextObjectAsync(path, firstPass, lineNumber, cancellationToken);
                if (document is null)
                {
                    break;
                }

                using (document)
                {
                    collector.Add(document.RootElement);
                }
            }
        }

        return new NdjsonTabularReader(path, OpenLines(path, encoding), collector);
    }

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        (JsonDocument? document, long line) = await NextObjectAsync(_path, _lines, _lineNumber, cancellationToken);
        _lineNumber = line;
        if (document is null)
        {
            return false;
        }

        using (document)
        {
            _rowNumber++;
            Array.Clear(_values);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                int ordinal = _ordinals[property.Name];
                _values[ordinal] = JsonValueText.ToText(property.Value, _asJson[ordinal]);
            }
        }

        return true;
    }

    public string? GetValue(int ordinal) => _values[ordinal];

    public ValueTask DisposeAsync()
    {
        _lines.Dispose();
        return ValueTask.CompletedTask;
    }

    private static StreamReader OpenLines(string path, Encoding encoding)
    {
        // The strict UTF-8 encoding has no preamble, so a UTF-8 BOM arrives as U+FEFF and NextObjectAsync drops it.
        FileStream stream = SourceFile.OpenSequential(path);
        return new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, 64 * 1024);
    }

    /// <summary>The next non-blank line parsed as an object, with its line number; (null, last line) at the end.</summary>
    private static async ValueTask<(JsonDocument? Document, long Line)> NextObjectAsync(
        string path, StreamReader lines, long lineNumber, CancellationToken cancellationToken)
    {
        while (true)
        {
            string? text;
            try
            {
                text = await lines.ReadLineAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                Utf8ErrorPosition? position = await Utf8Validator.FindFirstErrorAsync(path, cancellationToken);
                throw position is { } p
                    ? ReaderErrors.InvalidUtf8(p.Line, p.ByteOffset)
                    : ReaderErrors.Malformed("The file could not be decoded as UTF-8.");
            }

            if (text is null)
            {
                return (null, lineNumber);
            }

            lineNumber++;
            if (lineNumber == 1 && text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                throw ReaderErrors.Malformed(string.Create(CultureInfo.InvariantCulture,
                    $"Line {lineNumber} is not valid JSON (byte {(e.BytePositionInLine ?? 0) + 1}): each line of an NDJSON file must hold one JSON object."), e);
            }

            JsonValueKind kind = document.RootElement.ValueKind;
            if (kind != JsonValueKind.Object)
            {
                document.Dispose();
                throw ReaderErrors.Malformed(string.Create(CultureInfo.InvariantCulture,
                    $"Line {lineNumber} holds a JSON {kind.ToString().ToLowerInvariant()}, not an object: each line of an NDJSON file must hold one JSON object."));
            }

            return (document, lineNumber);
        }
    }
}
