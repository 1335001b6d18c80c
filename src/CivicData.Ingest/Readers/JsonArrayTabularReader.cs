using System.Globalization;
using System.Text.Json;

namespace CivicData.Ingest.Readers;

/// <summary>
/// Reads a JSON array of objects, one row per object. The first pass streams the array to collect the union of keys
/// (first-seen order) and their type hints; the second pass streams it again to yield rows. Only one element is held
/// in memory at a time.
/// </summary>
internal sealed class JsonArrayTabularReader : ITabularReader
{
    private readonly Stream _stream;
    private readonly CancellationTokenSource _cancellation;
    private readonly IAsyncEnumerator<JsonElement> _elements;
    private readonly IReadOnlyDictionary<string, int> _ordinals;
    private readonly bool[] _asJson;
    private readonly string?[] _values;
    private long _rowNumber;

    private JsonArrayTabularReader(Stream stream, CancellationTokenSource cancellation, JsonColumnCollector collector)
    {
        _stream = stream;
        _cancellation = cancellation;
        _elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: cancellation.Token)
            .GetAsyncEnumerator(cancellation.Token);
        _ordinals = collector.Ordinals;
        Columns = collector.Build();
        _asJson = Columns.Select(c => c.TypeHint == Core.Schema.SodaType.Json).ToArray();
        _values = new string?[Columns.Count];
    }

    public IReadOnlyList<SourceColumn> Columns { get; }

    public long RowNumber => _rowNumber;

    public static async Task<JsonArrayTabularReader> OpenAsync(string path, string? encodingName, CancellationToken cancellationToken)
    {
        RejectNonArray(path);
        var collector = new JsonColumnCollector();
        await using (Stream firstPass = JsonSource.Open(path, encodingName))
        {
            long index = 0;
            await foreach (JsonElement element in Enumerate(firstPass, cancellationToken))
            {
                index++;
                collector.Add(RequireObject(element, index));
            }
        }

        Stream stream = JsonSource.Open(path, encodingName);
        return new JsonArrayTabularReader(stream, new CancellationTokenSource(), collector);
    }

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // The enumerator was created with a token of its own; forward this call's token to it while we wait.
        await using CancellationTokenRegistration registration =
            cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _cancellation);
        bool hasElement;
        try
        {
            hasElement = await _elements.MoveNextAsync();
        }
        catch (JsonException e)
        {
            throw Malformed(e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        if (!hasElement)
        {
            return false;
        }

        _rowNumber++;
        JsonElement record = RequireObject(_elements.Current, _rowNumber);
        Array.Clear(_values);
        foreach (JsonProperty property in record.EnumerateObject())
        {
            int ordinal = _ordinals[property.Name];
            _values[ordinal] = JsonValueText.ToText(property.Value, _asJson[ordinal]);
        }

        return true;
    }

    public string? GetValue(int ordinal) => _values[ordinal];

    public async ValueTask DisposeAsync()
    {
        await _elements.DisposeAsync();
        await _stream.DisposeAsync();
        _cancellation.Dispose();
    }

    private static async IAsyncEnumerable<JsonElement> Enumerate(Stream stream, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IAsyncEnumerator<JsonElement> elements = JsonSerializer
            .DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await elements.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (JsonException e)
                {
                    throw Malformed(e);
                }

                yield return elements.Current;
            }
        }
        finally
        {
            await elements.DisposeAsync();
        }
    }

    private static void RejectNonArray(string path)
    {
        byte? first = JsonSource.FirstSignificantByte(SourceFile.ReadHead(path, 4096, out _));
        string? found = first switch
        {
            null => throw ReaderErrors.Empty("a JSON array of objects"),
            (byte)'[' => null,
            (byte)'{' => "a single JSON object",
            _ => "something that is not a JSON array",
        };
        if (found is not null)
        {
            throw ReaderErrors.Malformed(
                $"A JSON dataset must be an array of objects (or a GeoJSON FeatureCollection), but the file holds {found}.");
        }
    }

    private static JsonElement RequireObject(JsonElement element, long index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw ReaderErrors.Malformed(string.Create(CultureInfo.InvariantCulture,
                $"Element {index} of the JSON array is {Describe(element.ValueKind)}; every element must be an object."));
        }

        return element;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static Core.ValidationError Malformed(JsonException e) => ReaderErrors.Malformed(
        string.Create(CultureInfo.InvariantCulture,
            $"The file is not valid JSON near line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1} of that line: {FirstSentence(e.Message)}"),
        e);

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
