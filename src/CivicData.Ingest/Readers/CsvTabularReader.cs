using System.Text;

using Sylvan.Data.Csv;

namespace CivicData.Ingest.Readers;

/// <summary>
/// Reads comma-, tab-, semicolon- or pipe-separated text with Sylvan.Data.Csv: RFC 4180 quoting (embedded newlines,
/// doubled quotes), UTF-8 with or without a BOM by default, or another encoding when asked. Only one record is held in
/// memory at a time.
/// </summary>
internal sealed class CsvTabularReader : ITabularReader
{
    private const int BufferSize = 64 * 1024;
    private const int MaxBufferSize = 16 * 1024 * 1024;

    private readonly string _path;
    private readonly CsvDataReader _csv;
    private readonly int _columnCount;
    private long _rowNumber;

    private CsvTabularReader(string path, CsvDataReader csv)
    {
        _path = path;
        _csv = csv;
        _columnCount = csv.FieldCount;
        var columns = new SourceColumn[_columnCount];
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = new SourceColumn(csv.GetName(i), TypeHint: null);
        }

        Columns = columns;
    }

    public IReadOnlyList<SourceColumn> Columns { get; }

    public long RowNumber => _rowNumber;

    /// <summary>Opens <paramref name="path"/> and reads its header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="delimiter">The delimiter to use; null sniffs it (see <see cref="CsvSniffer"/>).</param>
    /// <param name="encodingName">An encoding name; null means strict UTF-8.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<CsvTabularReader> OpenAsync(string path, char? delimiter, string? encodingName, CancellationToken cancellationToken)
    {
        Encoding encoding = SourceEncoding.Resolve(encodingName);
        CsvDialect dialect = CsvSniffer.Sniff(path, encoding);
        FileStream stream = SourceFile.OpenSequential(path);
        try
        {
            if (dialect.HasBom)
            {
                stream.Seek(CsvSniffer.Utf8Bom.Length, SeekOrigin.Begin);
            }

            var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, BufferSize, leaveOpen: false);
            var options = new CsvDataReaderOptions
            {
                Delimiter = delimiter ?? dialect.Delimiter,
                Quote = '"',
                Escape = '"',
                Comment = '\0',
                HasHeaders = true,
                ResultSetMode = ResultSetMode.SingleResult,
                BufferSize = BufferSize,
                MaxBufferSize = MaxBufferSize,
                OwnsReader = true,
            };
            CsvDataReader csv = await CreateAsync(path, text, options, cancellationToken);
            return new CsvTabularReader(path, csv);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            bool hasRow;
            try
            {
                hasRow = await _csv.ReadAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                throw await EncodingErrorAsync(_path, cancellationToken);
            }
            catch (CsvRecordTooLargeException e)
            {
                throw ReaderErrors.RecordTooLarge(_rowNumber + 1, e);
            }
            catch (CsvFormatException e)
            {
                throw ReaderErrors.Malformed($"Row {_rowNumber + 1} is not valid CSV: {e.Message}", e);
            }

            if (!hasRow)
            {
                return false;
            }

            int fieldCount = _csv.RowFieldCount;
            if (fieldCount == 1 && _columnCount > 1 && _csv.GetString(0).Length == 0)
            {
                continue; // a blank line, not a record
            }

            _rowNumber++;
            if (fieldCount > _columnCount)
            {
                throw ReaderErrors.RaggedRow(_rowNumber, fieldCount, _columnCount);
            }

            return true;
        }
    }

    public string? GetValue(int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, _columnCount);
        return ordinal < _csv.RowFieldCount ? _csv.GetString(ordinal) : null;
    }

    public ValueTask DisposeAsync() => _csv.DisposeAsync();

    private static async Task<CsvDataReader> CreateAsync(string path, TextReader text, CsvDataReaderOptions options, CancellationToken cancellationToken)
    {
        // Sylvan reads the header and fills its first buffer here, so bad bytes or quotes near the top surface now.
        try
        {
            return await CsvDataReader.CreateAsync(text, options, cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            throw await EncodingErrorAsync(path, cancellationToken);
        }
        catch (CsvMissingHeadersException)
        {
            throw ReaderErrors.Empty("a header row");
        }
        catch (CsvRecordTooLargeException e)
        {
            throw ReaderErrors.RecordTooLarge(1, e);
        }
        catch (CsvFormatException e)
        {
            throw ReaderErrors.Malformed($"The start of the file is not valid CSV: {e.Message}", e);
        }
    }

    private static async Task<Exception> EncodingErrorAsync(string path, CancellationToken cancellationToken)
    {
        Utf8ErrorPosition? position = await Utf8Validator.FindFirstErrorAsync(path, cancellationToken);
        return position is { } p
            ? ReaderErrors.InvalidUtf8(p.Line, p.ByteOffset)
            : ReaderErrors.Malformed("The file could not be decoded as UTF-8.");
    }
}
