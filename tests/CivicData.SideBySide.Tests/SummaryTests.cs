using CivicData.SideBySide.Measuring;

namespace CivicData.SideBySide.Tests;

public sealed class SummaryTests
{
    [Fact]
    public void Median_and_95th_percentile_are_taken_by_nearest_rank()
    {
        Summary odd = Summary.Of([5.0, 1, 4, 2, 3]);
        Assert.Equal((3.0, 5.0, 1.0, 5.0, 5), (odd.Median, odd.P95, odd.Min, odd.Max, odd.Count));

        Summary even = Summary.Of([.. Enumerable.Range(1, 20).Select(i => (double)i)]);
        Assert.Equal((10.5, 19.0), (even.Median, even.P95));
    }
}
