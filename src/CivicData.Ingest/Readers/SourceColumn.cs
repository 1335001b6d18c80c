using CivicData.Core.Schema;

namespace CivicData.Ingest.Readers;

/// <summary>
/// One column as the source file names it. <paramref name="TypeHint"/> is set only when the format itself says what the
/// values are (a GeoJSON geometry, a nested JSON value, an Excel date or boolean cell); otherwise type inference decides.
/// </summary>
public sealed record SourceColumn(string Name, SodaType? TypeHint);
