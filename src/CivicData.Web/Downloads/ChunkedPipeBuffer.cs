using System.Buffers;
using System.IO.Pipelines;

namespace CivicData.Web.Downloads;

/// <summary>
/// A block of pooled memory that cells are formatted into, copied to the pipe when full or on <see cref="Commit"/>.
/// A CSV row is dozens of tiny writes; through Kestrel's response pipe each one would cost a virtual call and a lock,
/// here it is an array store, and the pipe sees one copy per block.
/// </summary>
internal sealed class ChunkedPipeBuffer(PipeWriter output) : IBufferWriter<byte>, IDisposable
{
    /// <summary>Bytes gathered before they are copied to the pipe.</summary>
    private const int BlockSize = 32 * 1024;

    private byte[] _block = ArrayPool<byte>.Shared.Rent(BlockSize);
    private int _written;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _block.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _block.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _block.AsSpan(_written);
    }

    /// <summary>One byte (a separator), without going through a span.</summary>
    public void WriteByte(byte value)
    {
        if (_written == _block.Length)
        {
            Commit();
        }

        _block[_written++] = value;
    }

    /// <summary>Copies what was written to the pipe; call before flushing it.</summary>
    public void Commit()
    {
        if (_written > 0)
        {
            output.Write(_block.AsSpan(0, _written));
            _written = 0;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_block);
        _block = [];
        _written = 0;
    }

    private void Reserve(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 1);
        if (_block.Length - _written >= needed)
        {
            return;
        }

        Commit();
        if (needed > _block.Length)
        {
            // A cell longer than a block: a bigger block for it, and for the rest of the download.
            ArrayPool<byte>.Shared.Return(_block);
            _block = ArrayPool<byte>.Shared.Rent(needed);
        }
    }
}
