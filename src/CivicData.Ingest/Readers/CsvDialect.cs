namespace CivicData.Ingest.Readers;

/// <summary>What <see cref="CsvSniffer"/> found out about a delimited text file.</summary>
/// <param name="Delimiter">The field separator: comma, tab, semicolon or pipe.</param>
/// <param name="HasBom">Whether the file starts with a UTF-8 byte order mark (three bytes to skip).</param>
public sealed record CsvDialect(char Delimiter, bool HasBom);
