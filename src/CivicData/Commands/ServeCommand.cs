using System.CommandLine;
using CivicData.Core;
using CivicData.Ingest.Demo;
using CivicData.Web.Hosting;

namespace CivicData.Commands;

/// <summary><c>serve</c>: runs the portal on the embedded stores of a data directory.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        Option<string?> data = SharedOptions.Data();
        var urls = new Option<string>("--urls")
        {
            Description = "Address to listen on.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CIVICDATA_URLS") ?? "http://127.0.0.1:5080",
        };
        var demo = new Option<bool>("--demo") { Description = "Import the demo datasets from samples/ when the data directory is empty." };
        var command = new Command("serve", "Run the portal.") { data, urls, demo };
        command.SetAction((result, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            string? samples = null;
            if (result.GetValue(demo))
            {
                samples = DemoCatalog.FindSamplesDirectory(Environment.CurrentDirectory)
                    ?? DemoCatalog.FindSamplesDirectory(AppContext.BaseDirectory)
                    ?? throw new ValidationError("demo.missing", "--demo needs the samples/ folder of the CivicData repository; run from inside the repository.");
            }

            var settings = new CivicDataHostSettings
            {
                DataDirectory = SharedOptions.ResolveDataDirectory(result.GetValue(data)),
                Urls = result.GetValue(urls)!,
                SamplesDirectory = samples,
            };
            await using var app = CivicDataWebApplication.Build(settings, []);
            await app.RunAsync(cancellationToken);
            return 0;
        }));
        return command;
    }
}
