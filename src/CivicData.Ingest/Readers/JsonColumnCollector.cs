using System.Text.Json;

using CivicData.Core.Schema;

namespace CivicData.Ingest.Readers;

/// <summary>
/// Gathers the union of object keys, in first-seen order, over the first pass of a JSON-based reader, together with
/// what kinds of value each key held, and then turns that into <see cref="SourceColumn"/>s with type hints.
/// </summary>
internal sealed class JsonColumnCollector
{
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);
    private readonly List<ColumnKinds> _columns = [];

    /// <summary>Key → ordinal, for the second pass.</summary>
    public IReadOnlyDictionary<string, int> Ordinals => _ordinals;

    public void Add(JsonElement record)
    {
        foreach (JsonProperty property in record.EnumerateObject())
        {
            if (!_ordinals.TryGetValue(property.Name, out int ordinal))
            {
                ordinal = _columns.Count;
                _ordinals.Add(property.Name, ordinal);
                _columns.Add(new ColumnKinds(property.Name));
            }

            _columns[ordinal].Observe(property.Value);
        }
    }

    /// <summary>
    /// The columns: hinted <see cref="SodaType.Json"/> when any value was an object or array (other than a geometry), a
    /// geometry type when every non-null value was a compatible GeoJSON geometry, otherwise no hint.
    /// </summary>
    public List<SourceColumn> Build() => _columns.Select(c => new SourceColumn(c.Name, c.Hint())).ToList();

    private sealed class ColumnKinds(string name)
    {
        private readonly HashSet<SodaType> _geometries = [];
        private bool _sawScalar;
        private bool _sawNested;

        public string Name { get; } = name;

        public void Observe(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Null or JsonValueKind.Undefined:
                    break;
                case JsonValueKind.Object when GeoJsonGeometry.TryGetType(value, out SodaType geometry):
                    _geometries.Add(geometry);
                    break;
                case JsonValueKind.Object or JsonValueKind.Array:
                    _sawNested = true;
                    break;
                default:
                    _sawScalar = true;
                    break;
            }
        }

        public SodaType? Hint()
        {
            if (_geometries.Count > 0 && !_sawNested && !_sawScalar)
            {
                return GeoJsonGeometry.Combine(_geometries) ?? SodaType.Json;
            }

            return _sawNested || _geometries.Count > 0 ? SodaType.Json : null;
        }
    }
}
