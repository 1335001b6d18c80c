using System.Diagnostics;
using System.Globalization;
using CivicData.SideBySide.Engines;
using CivicData.SideBySide.Generation;
using CivicData.SideBySide.Reporting;

namespace CivicData.SideBySide;

/// <summary>
/// What the workloads share: the generated file, CivicData's data directory and server, and the two raw engines
/// holding the same rows. Loads happen once; W1 does them under the clock, otherwise they happen on first need.
/// </summary>
internal sealed class BenchContext : IAsyncDisposable
{
    /// <summary>The benchmark dataset's 4x4 and the raw engines' table name.</summary>
    public const string DatasetId = "bnch-0001", RawTable = "service_requests";

    private bool _loaded;

    public BenchContext(BenchOptions options, RunReport report)
    {
        Options = options;
        Report = report;
        Directory.CreateDirectory(options.WorkDirectory);
        DataDirectory = Path.Combine(options.WorkDirectory, "civicdata");
        CsvPath = CsvFor(options.Rows);
        CivicData = new CivicDataProcess(options.CivicData);
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = TimeSpan.FromMinutes(10),
        };
        DuckDb = new RawDuckDb(Path.Combine(options.WorkDirectory, "raw.duckdb"));
        Postgres = options.Postgres is null ? null : new RawPostgres(options.Postgres);
    }

    public BenchOptions Options { get; }

    public RunReport Report { get; }

    public string DataDirectory { get; }

    public string CsvPath { get; }

    public CivicDataProcess CivicData { get; }

    public HttpClient Http { get; }

    public RawDuckDb DuckDb { get; }

    public RawPostgres? Postgres { get; }

    public CivicDataServer? Server { get; private set; }

    /// <summary>W2's and W3's figures at N rows, which W6 compares with 10×N.</summary>
    public Dictionary<string, Workloads.QueryTimes> QueryTimes { get; } = [];

    public string CsvFor(long rows) => Path.Combine(Options.WorkDirectory, $"service-requests-{rows}.csv");

    public static void Log(string message) =>
        Console.WriteLine($"[{TimeProvider.System.GetUtcNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {message}");

    /// <summary>Writes the CSV for <paramref name="rows"/> rows unless it exists already; the generator is deterministic.</summary>
    public string Generate(long rows)
    {
        string path = CsvFor(rows);
        var clock = Stopwatch.StartNew();
        ServiceRequestGenerator.WriteIfMissing(path, rows);
        Log($"data: {rows:N0} rows in {path} ({new FileInfo(path).Length / 1048576.0:N0} MiB, {clock.Elapsed.TotalSeconds:N1} s)");
        return path;
    }

    /// <summary>Called by W1 after its timed loads, so nothing loads twice.</summary>
    public void MarkLoaded() => _loaded = true;

    /// <summary>CivicData and both raw engines hold the N-row table (loaded now unless W1 did it).</summary>
    public async Task EnsureLoadedAsync()
    {
        if (_loaded)
        {
            return;
        }

        await StopServerAsync();
        Generate(Options.Rows);
        Log("loading the table into CivicData, DuckDB and PostgreSQL (untimed; W1 times it)");
        ResetDataDirectory();
        await CivicData.ImportAsync(DataDirectory, CsvPath, DatasetId, "Service requests (benchmark)", replace: false);
        DuckDb.LoadCsv(RawTable, CsvPath);
        if (Postgres is not null)
        {
            await Postgres.LoadCsvAsync(RawTable, CsvPath);
        }

        _loaded = true;
    }

    public void ResetDataDirectory()
    {
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    public async Task<CivicDataServer> ServerAsync()
    {
        await EnsureLoadedAsync();
        Server ??= await CivicDataServer.StartAsync(CivicData, DataDirectory, Http);
        return Server;
    }

    public async Task StopServerAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
            Server = null;
        }
    }

    /// <summary>GETs <paramref name="pathAndQuery"/> and reads the whole body; returns its length in bytes.</summary>
    public async Task<long> GetAsync(CivicDataServer server, string pathAndQuery)
    {
        using HttpResponseMessage response = await Http.GetAsync(new Uri(server.BaseAddress, pathAndQuery), HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {pathAndQuery} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        await using Stream body = await response.Content.ReadAsStreamAsync();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        Http.Dispose();
        DuckDb.Dispose();
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
    }
}
