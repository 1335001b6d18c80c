using CivicData.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace CivicData.Web.Tests.Infrastructure;

/// <summary>
/// A real portal for one fixture: Kestrel on a free loopback port over its own data folder, an HttpClient pointed at
/// it, and, on dispose, the server stopped and the folder removed.
/// </summary>
public sealed class TestPortal : IAsyncDisposable
{
    private readonly string _ownedDirectory;

    private TestPortal(WebApplication app, string ownedDirectory)
    {
        App = app;
        _ownedDirectory = ownedDirectory;
        Addresses = CivicDataWebApplication.GetAddresses(app);
        BaseAddress = Addresses.First(address => address.Scheme == Uri.UriSchemeHttp);
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>The plain-HTTP address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every address Kestrel bound (HTTPS too, when the settings ask for it).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <param name="settings">The host settings; their data folder is removed on dispose unless <paramref name="ownedDirectory"/> names a folder holding it.</param>
    /// <param name="ownedDirectory">The folder to remove on dispose; the data folder when null.</param>
    /// <param name="configuration">Extra command-line configuration, e.g. <c>--Dcat:ContactEmail=…</c>.</param>
    public static async Task<TestPortal> StartAsync(CivicDataHostSettings settings, string? ownedDirectory = null, params string[] configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        WebApplication app = CivicDataWebApplication.Build(settings, ["--Logging:LogLevel:Default=Warning", .. configuration]);
        await app.StartAsync();
        return new TestPortal(app, ownedDirectory ?? settings.DataDirectory);
    }

    /// <summary>A fresh folder under the system's temp folder, named for the fixture that uses it.</summary>
    public static string NewDirectory(string purpose) => Path.Combine(Path.GetTempPath(), $"civicdata-{purpose}-" + Guid.NewGuid().ToString("N"));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_ownedDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A straggling file handle on some platforms; the OS cleans temp.
        }
    }
}
