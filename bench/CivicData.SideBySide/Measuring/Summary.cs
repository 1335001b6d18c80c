using System.Globalization;

namespace CivicData.SideBySide.Measuring;

/// <summary>Median and 95th percentile of repeated measurements (nearest-rank, so both are values that occurred).</summary>
internal sealed record Summary(double Median, double P95, double Min, double Max, int Count)
{
    public static Summary Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples.", nameof(samples));
        }

        double[] sorted = [.. samples.Order()];
        return new Summary(Percentile(sorted, 50), Percentile(sorted, 95), sorted[0], sorted[^1], sorted.Length);
    }

    private static double Percentile(double[] sorted, double percent)
    {
        if (percent == 50 && sorted.Length % 2 == 0)
        {
            return (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        int rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static string Milliseconds(double value) => value switch
    {
        >= 100 => value.ToString("N0", CultureInfo.InvariantCulture) + " ms",
        >= 10 => value.ToString("N1", CultureInfo.InvariantCulture) + " ms",
        _ => value.ToString("N2", CultureInfo.InvariantCulture) + " ms",
    };
}
