using System.Diagnostics;

namespace CivicData.SideBySide.Measuring;

/// <summary>Warm-up runs (not counted), then timed repetitions of the same work.</summary>
internal static class Repeat
{
    public static async Task<Summary> TimeAsync(int warmups, int repetitions, Func<Task> work)
    {
        for (int i = 0; i < warmups; i++)
        {
            await work();
        }

        var samples = new List<double>(repetitions);
        for (int i = 0; i < repetitions; i++)
        {
            long start = Stopwatch.GetTimestamp();
            await work();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return Summary.Of(samples);
    }
}
