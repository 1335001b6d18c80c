using System.Diagnostics;
using System.Globalization;

namespace CivicData.SideBySide.Measuring;

/// <summary>
/// A bounded, closed-loop load generator: a fixed number of clients, each sending its next request as soon as the
/// last one answered, for a fixed time. Used for the raw engines (a client is a connection in this process) and for
/// HTTP when wrk is not installed.
/// </summary>
internal static class ConcurrentLoad
{
    /// <summary>
    /// Runs <paramref name="clients"/> loops of <paramref name="work"/> (built once per client, so each can hold its
    /// own connection) for <paramref name="duration"/>. Each loop runs on its own thread, so synchronous drivers do
    /// not starve the thread pool. A request that throws counts as an error, not as a latency.
    /// </summary>
    public static async Task<LoadResult> RunAsync(string client, int clients, TimeSpan duration, Func<int, Func<Task>> work)
    {
        var latencies = new List<double>[clients];
        long errors = 0;
        string? firstError = null;
        long deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long start = Stopwatch.GetTimestamp();

        async Task LoopAsync(int index)
        {
            List<double> samples = latencies[index] = [];
            Func<Task> request = work(index);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                long sent = Stopwatch.GetTimestamp();
                try
                {
                    await request();
                    samples.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, exception.Message, null);
                }
            }
        }

        Task[] loops = [.. Enumerable.Range(0, clients).Select(index =>
            Task.Factory.StartNew(() => LoopAsync(index), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap())];
        await Task.WhenAll(loops);
        double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;

        double[] sorted = [.. latencies.SelectMany(samples => samples).Order()];
        return new LoadResult(
            client,
            sorted.Length,
            errors,
            firstError,
            sorted.Length / elapsed,
            Percentile(sorted, 50),
            Percentile(sorted, 75),
            Percentile(sorted, 90),
            Percentile(sorted, 99));
    }

    /// <summary>Nearest rank; NaN when nothing completed.</summary>
    private static double Percentile(double[] sorted, double percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>
/// What a load run measured: completed requests per second and latency percentiles in milliseconds. Any error
/// (an exception, a non-2xx answer, a socket error or a timeout) makes the run a failed measurement.
/// </summary>
internal sealed record LoadResult(
    string Client,
    long Requests,
    long Errors,
    string? ErrorDetail,
    double RequestsPerSecond,
    double P50,
    double P75,
    double P90,
    double P99)
{
    public bool Failed => Errors > 0 || Requests == 0;

    public string Rate => Failed
        ? $"failed: {Errors:N0} errors in {Requests + Errors:N0} requests"
        : RequestsPerSecond.ToString(RequestsPerSecond >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture);
}
