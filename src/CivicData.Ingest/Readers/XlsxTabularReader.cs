using System.Globalization;
using System.Text;
using System.Xml;

using CivicData.Core.Schema;

using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace CivicData.Ingest.Readers;

/// <summary>
/// Reads one sheet of an Excel workbook (.xlsx) with ExcelDataReader, which streams the sheet XML row by row. The first
/// non-empty row is the header; fully empty rows are skipped. The first pass finds the header and the date/boolean
/// columns; the second yields rows.
/// </summary>
/// <remarks>
/// ExcelDataReader has no asynchronous API, so the async members complete synchronously. Its configuration type asks
/// for code page 1252 when constructed, so the framework's <see cref="CodePagesEncodingProvider"/> is registered once
/// (idempotent, and it only adds encodings).
/// </remarks>
internal sealed class XlsxTabularReader : ITabularReader
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff";

    private readonly FileStream _stream;
    private readonly IExcelDataReader _excel;
    private readonly int _columnCount;
    private readonly string?[] _values;
    private long _rowNumber;

    private XlsxTabularReader(FileStream stream, IExcelDataReader excel, IReadOnlyList<SourceColumn> columns)
    {
        _stream = stream;
        _excel = excel;
        Columns = columns;
        _columnCount = columns.Count;
        _values = new string?[_columnCount];
    }

    public IReadOnlyList<SourceColumn> Columns { get; }

    public long RowNumber => _rowNumber;

    /// <summary>Opens the workbook at <paramref name="path"/> on <paramref name="sheet"/> (null: the first sheet).</summary>
    public static Task<XlsxTabularReader> OpenAsync(string path, string? sheet, CancellationToken cancellationToken)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        (IReadOnlyList<SourceColumn> columns, int headerRowIndex) = ScanSheet(path, sheet, cancellationToken);

        FileStream stream = SourceFile.OpenSequential(path);
        try
        {
            IExcelDataReader excel = OpenWorkbook(stream, path, sheet);
            for (int i = 0; i <= headerRowIndex; i++)
            {
                excel.Read();
            }

            return Task.FromResult(new XlsxTabularReader(stream, excel, columns));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_columnCount == 0 || !Translate(_excel.Read))
            {
                return ValueTask.FromResult(false);
            }

            int width = LastNonEmpty(_excel) + 1;
            if (width == 0)
            {
                continue;
            }

            _rowNumber++;
            if (width > _columnCount)
            {
                throw ReaderErrors.RaggedRow(_rowNumber, width, _columnCount);
            }

            for (int i = 0; i < _columnCount; i++)
            {
                _values[i] = i < _excel.FieldCount ? FormatCell(_excel.GetValue(i)) : null;
            }

            return ValueTask.FromResult(true);
        }
    }

    public string? GetValue(int ordinal) => _values[ordinal];

    public async ValueTask DisposeAsync()
    {
        _excel.Dispose();
        await _stream.DisposeAsync();
    }

    /// <summary>The raw text of a cell: numbers in round-trip form, dates as ISO 8601 without offset.</summary>
    internal static string? FormatCell(object? value) => value switch
    {
        null or DBNull => null,
        string text => text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime timestamp => timestamp.ToString(TimestampFormat, CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        TimeSpan duration => duration.ToString("c", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static (IReadOnlyList<SourceColumn> Columns, int HeaderRowIndex) ScanSheet(string path, string? sheet, CancellationToken cancellationToken)
    {
        using FileStream stream = SourceFile.OpenSequential(path);
        using IExcelDataReader excel = OpenWorkbook(stream, path, sheet);

        int headerRowIndex = -1;
        string[] names = [];
        while (Translate(excel.Read))
        {
            headerRowIndex++;
            int width = LastNonEmpty(excel) + 1;
            if (width > 0)
            {
                names = new string[width];
                for (int i = 0; i < width; i++)
                {
                    names[i] = FormatCell(excel.GetValue(i)) ?? "";
                }

                break;
            }
        }

        var kinds = new CellKinds[names.Length];
        while (names.Length > 0 && Translate(excel.Read))
        {
            cancellationToken.ThrowIfCancellationRequested();
            int width = Math.Min(excel.FieldCount, names.Length);
            for (int i = 0; i < width; i++)
            {
                kinds[i].Observe(excel.GetValue(i));
            }
        }

        var columns = new SourceColumn[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            columns[i] = new SourceColumn(names[i], kinds[i].Hint());
        }

        return (columns, headerRowIndex);
    }

    private static IExcelDataReader OpenWorkbook(FileStream stream, string path, string? sheet)
    {
        IExcelDataReader excel;
        try
        {
            excel = ExcelReaderFactory.CreateOpenXmlReader(stream);
        }
        catch (Exception e) when (IsWorkbookError(e))
        {
            throw ReaderErrors.Malformed($"The file '{Path.GetFileName(path)}' is not a readable .xlsx workbook: {e.Message}", e);
        }

        if (sheet is null)
        {
            return excel;
        }

        var names = new List<string>();
        do
        {
            if (string.Equals(excel.Name, sheet, StringComparison.OrdinalIgnoreCase))
            {
                return excel;
            }

            names.Add(excel.Name);
        }
        while (excel.NextResult());

        excel.Dispose();
        throw ReaderErrors.UnknownSheet(sheet, names);
    }

    private static int LastNonEmpty(IExcelDataReader excel)
    {
        for (int i = excel.FieldCount - 1; i >= 0; i--)
        {
            if (excel.GetValue(i) is not (null or DBNull or ""))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Translate(Func<bool> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsWorkbookError(e))
        {
            throw ReaderErrors.Malformed($"The workbook could not be read: {e.Message}", e);
        }
    }

    private static bool IsWorkbookError(Exception e) =>
        e is ExcelReaderException or InvalidDataException or XmlException or FormatException or InvalidOperationException;

    /// <summary>What kinds of value one column held, to hint dates and booleans.</summary>
    private struct CellKinds
    {
        private int _nonEmpty;
        private int _dates;
        private int _booleans;

        public void Observe(object? value)
        {
            switch (value)
            {
                case null or DBNull or "":
                    return;
                case DateTime:
                    _dates++;
                    break;
                case bool:
                    _booleans++;
                    break;
            }

            _nonEmpty++;
        }

        public readonly SodaType? Hint() =>
            _nonEmpty == 0 ? null
            : _dates == _nonEmpty ? SodaType.FloatingTimestamp
            : _booleans == _nonEmpty ? SodaType.Checkbox
            : null;
    }
}
