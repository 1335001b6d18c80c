using System.Diagnostics;

namespace CivicData.Ingest.Readers;

/// <summary>
/// The one place that maps a format to its <see cref="ITabularReader"/>. Adding a format is one reader class plus one
/// line in <see cref="OpenAsync"/> and one in <see cref="DetectFormat"/>.
/// </summary>
public static class TabularReaderFactory
{
    /// <summary>Opens <paramref name="path"/> with the reader for its format and reads its header.</summary>
    /// <exception cref="Core.ValidationError">
    /// <c>ingest.unreadable</c> (missing or unreadable file), <c>ingest.unsupported-format</c>, <c>ingest.encoding</c>,
    /// <c>ingest.malformed</c> and the other <c>ingest.*</c> codes of the individual readers.
    /// </exception>
    public static async Task<ITabularReader> OpenAsync(string path, TabularReadOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(path))
        {
            throw ReaderErrors.Unreadable(path, new FileNotFoundException("No such file.", path));
        }

        return DetectFormat(path, options.Format) switch
        {
            "csv" => await CsvTabularReader.OpenAsync(path, delimiter: null, options.Encoding, cancellationToken),
            "tsv" => await CsvTabularReader.OpenAsync(path, delimiter: '\t', options.Encoding, cancellationToken),
            "json" => await JsonArrayTabularReader.OpenAsync(path, options.Encoding, cancellationToken),
            "ndjson" => await NdjsonTabularReader.OpenAsync(path, options.Encoding, cancellationToken),
            "geojson" => await GeoJsonTabularReader.OpenAsync(path, options.Encoding, cancellationToken),
            "xlsx" => await XlsxTabularReader.OpenAsync(path, options.Sheet, cancellationToken),
            _ => throw new UnreachableException(),
        };
    }

    /// <summary>
    /// The format to read <paramref name="path"/> as: <paramref name="explicitFormat"/> when given (case-insensitive),
    /// otherwise by extension: <c>.csv</c>/<c>.txt</c> → csv, <c>.tsv</c> → tsv, <c>.ndjson</c>/<c>.jsonl</c> → ndjson,
    /// <c>.geojson</c> → geojson, <c>.xlsx</c> → xlsx, and <c>.json</c> → geojson when the file starts like a
    /// FeatureCollection, else json.
    /// </summary>
    /// <exception cref="Core.ValidationError"><c>ingest.unsupported-format</c>; <c>ingest.unreadable</c> when a
    /// <c>.json</c> file has to be sniffed and cannot be read.</exception>
    public static string DetectFormat(string path, string? explicitFormat)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!string.IsNullOrWhiteSpace(explicitFormat))
        {
            string format = explicitFormat.Trim().TrimStart('.').ToLowerInvariant();
            return format is "csv" or "tsv" or "json" or "ndjson" or "geojson" or "xlsx"
                ? format
                : throw ReaderErrors.UnsupportedFormat($"The format '{explicitFormat}' is not supported.");
        }

        string extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" or ".txt" => "csv",
            ".tsv" => "tsv",
            ".ndjson" or ".jsonl" => "ndjson",
            ".geojson" => "geojson",
            ".xlsx" => "xlsx",
            ".json" => JsonSource.LooksLikeFeatureCollection(path) ? "geojson" : "json",
            "" => throw ReaderErrors.UnsupportedFormat($"The file '{Path.GetFileName(path)}' has no extension, so its format is unknown; name the format explicitly."),
            _ => throw ReaderErrors.UnsupportedFormat($"Files ending in '{extension}' are not supported."),
        };
    }
}
