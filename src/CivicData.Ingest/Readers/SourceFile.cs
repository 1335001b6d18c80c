namespace CivicData.Ingest.Readers;

/// <summary>Opening source files, with I/O failures reported as <c>ingest.unreadable</c>.</summary>
internal static class SourceFile
{
    /// <summary>Opens the file for one asynchronous front-to-back read; callers add their own buffering.</summary>
    public static FileStream OpenSequential(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw ReaderErrors.Unreadable(path, e);
        }
    }

    /// <summary>Reads at most <paramref name="maxLength"/> bytes from the start of the file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxLength">How many bytes to read at most.</param>
    /// <param name="complete">Set to true when the bytes returned are the whole file.</param>
    public static byte[] ReadHead(string path, int maxLength, out bool complete)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            byte[] buffer = new byte[maxLength];
            int length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            complete = length < buffer.Length || stream.Position == stream.Length;
            return length == buffer.Length ? buffer : buffer.AsSpan(0, length).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw ReaderErrors.Unreadable(path, e);
        }
    }
}
