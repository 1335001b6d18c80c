using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CivicData.SideBySide.Engines;

/// <summary>A real <c>civicdata serve</c> process on a free loopback port, stopped when disposed.</summary>
internal sealed class CivicDataServer : IAsyncDisposable
{
    private readonly Process _process;

    private CivicDataServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public static async Task<CivicDataServer> StartAsync(CivicDataProcess civicData, string dataDirectory, HttpClient http)
    {
        int port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        Process process = civicData.Start(["serve", "--data", dataDirectory, "--urls", baseAddress.ToString().TrimEnd('/')]);
        // Drain the pipes so a chatty server never blocks on a full one.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new CivicDataServer(process, baseAddress);
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"civicdata serve exited with {process.ExitCode}: {CivicDataProcess.Describe(process)}");
            }

            try
            {
                using HttpResponseMessage response = await http.GetAsync(new Uri(baseAddress, "/browse"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        throw new TimeoutException("civicdata serve did not answer within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
