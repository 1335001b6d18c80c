using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace CivicData.Ingest.Tests.Fixtures;

/// <summary>One worksheet: a name and rows of cells (string, number, bool, DateTime or null for no cell).</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes a minimal but valid .xlsx (Office Open XML) workbook by hand with System.IO.Compression: content types,
/// relationships, a workbook listing the sheets, one styles part with date formats, and one worksheet per sheet
/// with inline strings, numbers, booleans and date serials.
/// </summary>
public static class XlsxWorkbookWriter
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";

    // Cell style indexes in styles.xml: 0 = general, 1 = built-in date format 14, 2 = custom date-time format 164.
    private const int DateStyle = 1;
    private const int DateTimeStyle = 2;

    public static void Write(string path, params XlsxSheet[] sheets)
    {
        using FileStream file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Add(zip, "[Content_Types].xml", ContentTypes(sheets.Length));
        Add(zip, "_rels/.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="{PackageRelationshipsNamespace}"><Relationship Id="rId1" Type="{RelationshipsNamespace}/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Add(zip, "xl/workbook.xml", Workbook(sheets));
        Add(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships(sheets.Length));
        Add(zip, "xl/styles.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="{MainNamespace}">
            <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd\ hh:mm:ss"/></numFmts>
            <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
            <fills count="1"><fill><patternFill patternType="none"/></fill></fills>
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
            <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
            </styleSheet>
            """);
        for (int i = 0; i < sheets.Length; i++)
        {
            Add(zip, $"xl/worksheets/sheet{i + 1}.xml", Worksheet(sheets[i]));
        }
    }

    private static string ContentTypes(int sheetCount)
    {
        var builder = new StringBuilder();
        builder.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""").Append('\n');
        builder.Append("""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""");
        builder.Append("""<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>""");
        builder.Append("""<Default Extension="xml" ContentType="application/xml"/>""");
        builder.Append("""<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""");
        builder.Append("""<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (int i = 1; i <= sheetCount; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }

        return builder.Append("</Types>").ToString();
    }

    private static string Workbook(XlsxSheet[] sheets)
    {
        var builder = new StringBuilder();
        builder.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""").Append('\n');
        builder.Append(CultureInfo.InvariantCulture, $"""<workbook xmlns="{MainNamespace}" xmlns:r="{RelationshipsNamespace}"><sheets>""");
        for (int i = 0; i < sheets.Length; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"""<sheet name="{SecurityElement.Escape(sheets[i].Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""");
        }

        return builder.Append("</sheets></workbook>").ToString();
    }

    private static string WorkbookRelationships(int sheetCount)
    {
        var builder = new StringBuilder();
        builder.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""").Append('\n');
        builder.Append(CultureInfo.InvariantCulture, $"""<Relationships xmlns="{PackageRelationshipsNamespace}">""");
        for (int i = 1; i <= sheetCount; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i}" Type="{RelationshipsNamespace}/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        }

        builder.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{sheetCount + 1}" Type="{RelationshipsNamespace}/styles" Target="styles.xml"/>""");
        return builder.Append("</Relationships>").ToString();
    }

    private static string Worksheet(XlsxSheet sheet)
    {
        var builder = new StringBuilder();
        builder.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""").Append('\n');
        builder.Append(CultureInfo.InvariantCulture, $"""<worksheet xmlns="{MainNamespace}"><sheetData>""");
        for (int r = 0; r < sheet.Rows.Count; r++)
        {
            IReadOnlyList<object?> cells = sheet.Rows[r];
            if (cells.All(c => c is null))
            {
                continue; // Excel leaves empty rows out of sheetData altogether
            }

            builder.Append(CultureInfo.InvariantCulture, $"""<row r="{r + 1}">""");
            for (int c = 0; c < cells.Count; c++)
            {
                if (cells[c] is { } value)
                {
                    builder.Append(Cell($"{ColumnLetters(c)}{r + 1}", value));
                }
            }

            builder.Append("</row>");
        }

        return builder.Append("</sheetData></worksheet>").ToString();
    }

    private static string Cell(string reference, object value) => value switch
    {
        string text => $"""<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{SecurityElement.Escape(text)}</t></is></c>""",
        bool flag => $"""<c r="{reference}" t="b"><v>{(flag ? 1 : 0)}</v></c>""",
        DateTime timestamp => string.Create(CultureInfo.InvariantCulture,
            $"""<c r="{reference}" s="{(timestamp.TimeOfDay == TimeSpan.Zero ? DateStyle : DateTimeStyle)}"><v>{timestamp.ToOADate():R}</v></c>"""),
        IFormattable number => $"""<c r="{reference}"><v>{number.ToString(null, CultureInfo.InvariantCulture)}</v></c>""",
        _ => throw new ArgumentException($"Cannot write a {value.GetType().Name} cell.", nameof(value)),
    };

    private static string ColumnLetters(int index)
    {
        string letters = "";
        for (int n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using Stream stream = entry.Open();
        byte[] bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
        stream.Write(bytes);
    }
}
