using System.Text;

namespace CivicData.Ingest.Readers;

/// <summary>Turns the user's <c>--encoding</c> name into a decoder.</summary>
internal static class SourceEncoding
{
    /// <summary>UTF-8 that throws on bad bytes instead of inventing U+FFFD, and writes no BOM.</summary>
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Null (or any spelling of UTF-8) gives <see cref="StrictUtf8"/>. Other names are looked up among the encodings
    /// built into .NET (latin1, utf-16, ascii ...) and then the Windows code pages that ship with the shared framework
    /// (<see cref="CodePagesEncodingProvider"/>, e.g. windows-1252), without registering a process-wide provider.
    /// </summary>
    public static Encoding Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return StrictUtf8;
        }

        string trimmed = name.Trim();
        Encoding? encoding = TryGetBuiltIn(trimmed) ?? CodePagesEncodingProvider.Instance.GetEncoding(trimmed);
        if (encoding is null)
        {
            throw ReaderErrors.UnknownEncoding(trimmed);
        }

        return encoding.CodePage == Encoding.UTF8.CodePage ? StrictUtf8 : encoding;
    }

    public static bool IsUtf8(Encoding encoding) => encoding.CodePage == Encoding.UTF8.CodePage;

    private static Encoding? TryGetBuiltIn(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
