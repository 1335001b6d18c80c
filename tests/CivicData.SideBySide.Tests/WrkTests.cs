using CivicData.SideBySide.Measuring;

namespace CivicData.SideBySide.Tests;

public sealed class WrkTests
{
    // wrk 4.1.0's report for `wrk -t2 -c8 -d10s --latency URL`, with a socket error line and non-2xx responses.
    private const string Report = """
        Running 10s test @ http://127.0.0.1:5080/resource/bnch-0001.json
          2 threads and 8 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency    40.12ms   15.03ms 120.50ms   70.00%
            Req/Sec    98.50     20.10   150.00     65.00%
          Latency Distribution
             50%   38.00ms
             75%   48.20ms
             90%   63.00ms
             99%    1.02s
          1970 requests in 10.05s, 1.20GB read
          Socket errors: connect 0, read 2, write 0, timeout 1
          Non-2xx or 3xx responses: 4
        Requests/sec:    196.02
        Transfer/sec:    122.30MB
        """;

    [Fact]
    public void Report_figures_and_errors_are_read()
    {
        LoadResult result = Wrk.Parse(Report);

        Assert.Equal(1970, result.Requests);
        Assert.Equal(196.02, result.RequestsPerSecond, 2);
        Assert.Equal((38.0, 48.2, 63.0, 1020.0), (result.P50, result.P75, result.P90, result.P99));
        Assert.Equal(7, result.Errors);
        Assert.True(result.Failed);
    }

    [Fact]
    public void A_report_without_its_totals_is_an_error()
    {
        Assert.Throws<FormatException>(() => Wrk.Parse("Running 10s test @ http://x\n"));
    }
}
