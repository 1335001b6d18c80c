using System.Text;

namespace CivicData.Ingest.Readers;

/// <summary>
/// Guesses the dialect of a delimited text file from its first 64 KB: the delimiter (comma, tab, semicolon or pipe) and
/// whether it starts with a UTF-8 byte order mark. A <c>.tsv</c> file is always tab-separated.
/// </summary>
/// <remarks>
/// For each candidate the sniffer counts occurrences outside double quotes on every record (quotes may hold newlines),
/// takes the most common non-zero count, and scores the candidate by the share of records having exactly that count.
/// The best share wins, then the higher count, then the order comma, tab, semicolon, pipe. A file with no candidate at
/// all is a one-column comma file.
/// </remarks>
public static class CsvSniffer
{
    internal const int SampleSize = 64 * 1024;

    private static readonly char[] s_candidates = [',', '\t', ';', '|'];

    internal static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Sniffs the file at <paramref name="path"/>, reading at most 64 KB of it.</summary>
    /// <exception cref="Core.ValidationError"><c>ingest.unreadable</c> when the file cannot be opened.</exception>
    public static CsvDialect Sniff(string path) => Sniff(path, SourceEncoding.StrictUtf8);

    internal static CsvDialect Sniff(string path, Encoding encoding)
    {
        byte[] sample = SourceFile.ReadHead(path, SampleSize, out bool complete);
        bool hasBom = sample.AsSpan().StartsWith(Utf8Bom);
        if (string.Equals(Path.GetExtension(path), ".tsv", StringComparison.OrdinalIgnoreCase))
        {
            return new CsvDialect('\t', hasBom);
        }

        // Delimiters, quotes and newlines are ASCII, and in UTF-8 and the single-byte code pages an ASCII byte is always
        // that character, so Latin-1 (one char per byte, never fails) is exact enough. Wider encodings need real decoding.
        bool wide = encoding.GetByteCount("a") > 1;
        string text = wide ? encoding.GetString(sample) : Encoding.Latin1.GetString(sample.AsSpan(hasBom ? 3 : 0));
        return new CsvDialect(SniffDelimiter(text, complete), hasBom);
    }

    /// <summary>Picks the delimiter of <paramref name="text"/>; when <paramref name="complete"/> is false the last,
    /// possibly cut, record is ignored.</summary>
    internal static char SniffDelimiter(ReadOnlySpan<char> text, bool complete)
    {
        List<int[]> records = CountPerRecord(text, complete);
        char best = ',';
        double bestShare = 0;
        int bestCount = 0;
        for (int k = 0; k < s_candidates.Length; k++)
        {
            (int mode, double share) = Consistency(records, k);
            if (mode > 0 && (share > bestShare || (share == bestShare && mode > bestCount)))
            {
                best = s_candidates[k];
                bestShare = share;
                bestCount = mode;
            }
        }

        return best;
    }

    private static List<int[]> CountPerRecord(ReadOnlySpan<char> text, bool complete)
    {
        var records = new List<int[]>();
        int[] counts = new int[s_candidates.Length];
        bool inQuotes = false;
        bool recordHasContent = false;
        foreach (char c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
                recordHasContent = true;
            }
            else if (inQuotes)
            {
                continue;
            }
            else if (c == '\n')
            {
                if (recordHasContent)
                {
                    records.Add(counts);
                    counts = new int[s_candidates.Length];
                }

                recordHasContent = false;
            }
            else if (c != '\r')
            {
                recordHasContent = true;
                int k = Array.IndexOf(s_candidates, c);
                if (k >= 0)
                {
                    counts[k]++;
                }
            }
        }

        // The last record is whole only when the sample is the whole file (or when it is all we have).
        if (recordHasContent && (complete || records.Count == 0))
        {
            records.Add(counts);
        }

        return records;
    }

    private static (int Mode, double Share) Consistency(List<int[]> records, int candidate)
    {
        if (records.Count == 0)
        {
            return (0, 0);
        }

        var frequencies = new Dictionary<int, int>();
        foreach (int[] counts in records)
        {
            int count = counts[candidate];
            frequencies[count] = frequencies.GetValueOrDefault(count) + 1;
        }

        int mode = 0;
        int modeFrequency = 0;
        foreach ((int count, int frequency) in frequencies)
        {
            if (count > 0 && (frequency > modeFrequency || (frequency == modeFrequency && count > mode)))
            {
                mode = count;
                modeFrequency = frequency;
            }
        }

        return (mode, (double)modeFrequency / records.Count);
    }
}
