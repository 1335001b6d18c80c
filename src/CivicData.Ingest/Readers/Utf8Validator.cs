using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace CivicData.Ingest.Readers;

/// <summary>
/// Checks that a file is well-formed UTF-8 without holding it: reads 1 MB at a time and uses the vectorised
/// <see cref="Utf8.IsValid(ReadOnlySpan{byte})"/>, carrying a sequence cut by the buffer edge over to the next read.
/// </summary>
public static class Utf8Validator
{
    private const int BufferSize = 1 << 20;

    /// <summary>
    /// Throws a <see cref="Core.ValidationError"/> with code <c>ingest.encoding</c> (naming the line and byte offset) when
    /// the file holds a byte sequence that is not UTF-8. A leading byte order mark is fine.
    /// </summary>
    public static async Task ValidateAsync(string path, CancellationToken cancellationToken)
    {
        Utf8ErrorPosition? error = await FindFirstErrorAsync(path, cancellationToken);
        if (error is { } position)
        {
            throw ReaderErrors.InvalidUtf8(position.Line, position.ByteOffset);
        }
    }

    /// <summary>Where the first invalid sequence starts, or null when the whole file is valid UTF-8.</summary>
    internal static async Task<Utf8ErrorPosition?> FindFirstErrorAsync(string path, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize + 4);
        try
        {
            await using FileStream stream = SourceFile.OpenSequential(path);
            long consumedBytes = 0;  // file offset of buffer[0]
            long line = 1;           // line number at buffer[0]
            int carried = 0;         // bytes of an unfinished sequence kept at the start of the buffer
            while (true)
            {
                int read = await stream.ReadAsync(buffer.AsMemory(carried, BufferSize), cancellationToken);
                int length = carried + read;
                if (length == 0)
                {
                    return null;
                }

                bool final = read == 0;
                int complete = final ? length : length - IncompleteTailLength(buffer.AsSpan(0, length));
                ReadOnlySpan<byte> chunk = buffer.AsSpan(0, complete);
                if (!Utf8.IsValid(chunk))
                {
                    int index = FirstInvalidIndex(chunk);
                    return new Utf8ErrorPosition(consumedBytes + index, line + chunk[..index].Count((byte)'\n'));
                }

                if (final)
                {
                    return null;
                }

                line += chunk.Count((byte)'\n');
                consumedBytes += complete;
                carried = length - complete;
                buffer.AsSpan(complete, carried).CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>How many bytes at the end of <paramref name="span"/> start a sequence that continues past it.</summary>
    private static int IncompleteTailLength(ReadOnlySpan<byte> span)
    {
        // A sequence is at most 4 bytes, so only the last 3 can belong to an unfinished one.
        int start = span.Length - 1;
        int limit = Math.Max(0, span.Length - 3);
        while (start > limit && (span[start] & 0xC0) == 0x80)
        {
            start--;
        }

        OperationStatus status = Rune.DecodeFromUtf8(span[start..], out _, out _);
        return status == OperationStatus.NeedMoreData ? span.Length - start : 0;
    }

    private static int FirstInvalidIndex(ReadOnlySpan<byte> span)
    {
        int index = 0;
        while (index < span.Length)
        {
            OperationStatus status = Rune.DecodeFromUtf8(span[index..], out _, out int consumed);
            if (status != OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return span.Length;
    }
}

/// <summary>The first byte of an invalid UTF-8 sequence: its 0-based file offset and 1-based line.</summary>
internal readonly record struct Utf8ErrorPosition(long ByteOffset, long Line);
