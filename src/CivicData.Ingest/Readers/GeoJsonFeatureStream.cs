using System.Globalization;
using System.Text.Json;

namespace CivicData.Ingest.Readers;

/// <summary>
/// Walks a GeoJSON FeatureCollection one feature at a time with a <see cref="Utf8JsonReader"/> over a refilled buffer.
/// The buffer only ever needs to hold the largest single feature, so memory stays bounded however big the file is.
/// Root members other than <c>features</c> are skipped, except <c>type</c> and <c>crs</c>, which are kept; they are
/// complete only once <see cref="NextFeatureAsync"/> has returned null, because they may follow the features.
/// </summary>
internal sealed class GeoJsonFeatureStream : IAsyncDisposable
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _startChecked;
    private JsonReaderState _state;
    private Phase _phase = Phase.BeforeRoot;
    private long _featureCount;

    public GeoJsonFeatureStream(Stream stream)
    {
        _stream = stream;
    }

    private enum Phase
    {
        BeforeRoot,
        InRoot,
        InFeatures,
        Done,
    }

    private enum Step
    {
        Feature,
        NeedMoreData,
        End,
    }

    /// <summary>The root <c>type</c> member, or null when it is missing or not a string.</summary>
    public string? Type { get; private set; }

    /// <summary>The root <c>crs</c> member (legacy GeoJSON 2008), if any.</summary>
    public JsonElement? Crs { get; private set; }

    /// <summary>Whether the root object has a <c>features</c> array.</summary>
    public bool HasFeatures { get; private set; }

    /// <summary>The next feature (a JSON object, detached from the buffer), or null after the last one.</summary>
    public async ValueTask<JsonElement?> NextFeatureAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Step step = TryStep(out JsonElement feature);
            if (step == Step.Feature)
            {
                return feature;
            }

            if (step == Step.End)
            {
                return null;
            }

            if (_endOfStream)
            {
                throw ReaderErrors.Malformed(string.Create(CultureInfo.InvariantCulture,
                    $"The GeoJSON ends early, after {_featureCount} complete features: the file looks cut off."));
            }

            await FillAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private Step TryStep(out JsonElement feature)
    {
        feature = default;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _endOfStream, _state);
        long committed = 0;
        try
        {
            while (true)
            {
                switch (_phase)
                {
                    case Phase.BeforeRoot:
                        if (!reader.Read())
                        {
                            if (_endOfStream)
                            {
                                throw ReaderErrors.Empty("a GeoJSON FeatureCollection");
                            }

                            return Step.NeedMoreData;
                        }

                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw ReaderErrors.Malformed("The file is not a GeoJSON FeatureCollection: it does not start with a JSON object.");
                        }

                        _phase = Phase.InRoot;
                        break;

                    case Phase.InRoot:
                        if (!reader.Read())
                        {
                            return Step.NeedMoreData;
                        }

                        if (reader.TokenType == JsonTokenType.EndObject)
                        {
                            _phase = Phase.Done;
                            committed = reader.BytesConsumed;
                            _state = reader.CurrentState;
                            return Step.End;
                        }

                        // A member is committed only once its name and whole value are in the buffer.
                        string name = reader.GetString()!;
                        if (!reader.Read())
                        {
                            return Step.NeedMoreData;
                        }

                        if (name == "features")
                        {
                            if (reader.TokenType != JsonTokenType.StartArray)
                            {
                                throw ReaderErrors.Malformed("The GeoJSON member \"features\" must be an array.");
                            }

                            HasFeatures = true;
                            _phase = Phase.InFeatures;
                        }
                        else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            Utf8JsonReader probe = reader;
                            if (!probe.TrySkip())
                            {
                                return Step.NeedMoreData;
                            }

                            if (name == "crs")
                            {
                                Crs = JsonElement.ParseValue(ref reader);
                            }
                            else
                            {
                                _ = reader.TrySkip(); // succeeds: the probe just did
                            }
                        }
                        else if (name == "type")
                        {
                            Type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        }

                        break;

                    case Phase.InFeatures:
                        if (!reader.Read())
                        {
                            return Step.NeedMoreData;
                        }

                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            _phase = Phase.InRoot;
                            break;
                        }

                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw ReaderErrors.Malformed(string.Create(CultureInfo.InvariantCulture,
                                $"Feature {_featureCount + 1} of the GeoJSON is not a JSON object."));
                        }

                        Utf8JsonReader featureProbe = reader;
                        if (!featureProbe.TrySkip())
                        {
                            return Step.NeedMoreData;
                        }

                        feature = JsonElement.ParseValue(ref reader);
                        _featureCount++;
                        committed = reader.BytesConsumed;
                        _state = reader.CurrentState;
                        return Step.Feature;

                    case Phase.Done:
                        return Step.End;
                }

                committed = reader.BytesConsumed;
                _state = reader.CurrentState;
            }
        }
        catch (JsonException e)
        {
            throw ReaderErrors.Malformed(string.Create(CultureInfo.InvariantCulture,
                $"The GeoJSON is not valid JSON (after {_featureCount} features): {e.Message.Split(". ")[0]}."), e);
        }
        finally
        {
            _start += (int)committed;
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        int pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        _endOfStream = read == 0;
        if (!_startChecked && (_end >= CsvSniffer.Utf8Bom.Length || _endOfStream))
        {
            _startChecked = true;
            if (_buffer.AsSpan(0, _end).StartsWith(CsvSniffer.Utf8Bom))
            {
                _start = CsvSniffer.Utf8Bom.Length;
            }
        }
    }
}
