namespace CivicData.SideBySide.Measuring;

/// <summary>
/// Samples a process's resident memory every 20 ms while some work runs and keeps the peak: VmHWM cannot be reset, so
/// sampling is the only way to get the peak of one phase of a long-lived server.
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler(int pid)
    {
        _pid = pid;
        PeakMiB = ProcessMemory.ResidentMiB(pid);
        _loop = Task.Run(SampleAsync);
    }

    public double PeakMiB { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            PeakMiB = Math.Max(PeakMiB, ProcessMemory.ResidentMiB(_pid));
            try
            {
                await Task.Delay(20, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        PeakMiB = Math.Max(PeakMiB, ProcessMemory.ResidentMiB(_pid));
    }
}
