namespace CivicData.Web.Hosting;

/// <summary>What the host needs to know before it can build the web application (from the CLI or a test).</summary>
public sealed record CivicDataHostSettings
{
    /// <summary>Folder holding catalog.db and data.duckdb; created when missing and locked while the app runs.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Kestrel URLs, separated by ';'. Port 0 picks a free port (read it back with <see cref="CivicDataWebApplication.GetAddresses"/>).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:8080";

    /// <summary>When set and the catalog is empty, the demo datasets described here (demo.json) are published before serving.</summary>
    public string? SamplesDirectory { get; init; }

    /// <summary>ASP.NET Core environment name; the developer exception page exists only in "Development".</summary>
    public string Environment { get; init; } = "Production";
}
