using System.IO.Pipelines;

namespace CivicData.Web.Soda;

/// <summary>
/// Notes whether anything has been written to the response. Kestrel reports <c>HasStarted</c> only after the first
/// flush, yet bytes written before it would still precede an error body; so once a writer has touched the output, a
/// failure must abort the connection instead of becoming an error response.
/// </summary>
internal sealed class StartTrackingPipeWriter(PipeWriter inner) : PipeWriter
{
    public bool Started { get; private set; }

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override void Advance(int bytes) => inner.Advance(bytes);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        Started = true;
        return inner.FlushAsync(cancellationToken);
    }

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        Started = true;
        return inner.GetMemory(sizeHint);
    }

    public override Span<byte> GetSpan(int sizeHint = 0)
    {
        Started = true;
        return inner.GetSpan(sizeHint);
    }
}
