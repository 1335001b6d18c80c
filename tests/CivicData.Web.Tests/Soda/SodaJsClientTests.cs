using System.Diagnostics;
using System.Text.Json;
using CivicData.Catalog.Accounts;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;

namespace CivicData.Web.Tests.Soda;

/// <summary>
/// The unmodified soda-js 0.2.3 (npm) against a live server over https on loopback: its query builder and getRows,
/// then a producer upsert (tests/clients/soda-js/script.js). soda-js always builds https://{domain}, so the fixture
/// serves https with a throwaway certificate that node is told to trust.
/// </summary>
[Collection(ProducerCollection.Name)]
public sealed class SodaJsClientTests(ProducerFixture portal)
{
    private static readonly TimeSpan s_timeLimit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Soda_js_queries_and_upserts_unchanged()
    {
        string client = ClientDirectory();
        await EnsureInstalledAsync(client);
        DatasetId id = await portal.PublishAsync(
            "code,name,score,open\nA1,Alpha,10,true\nB2,Bravo,20,false\nC3,Charlie,30,true\n",
            new Dictionary<string, SodaType> { ["code"] = SodaType.Text, ["name"] = SodaType.Text, ["score"] = SodaType.Number, ["open"] = SodaType.Checkbox },
            rowIdentifier: "code");
        IssuedApiKey key = await portal.KeyAsync(Role.Publisher, ProducerFixture.Department);

        (int exitCode, string output, string errors) = await RunAsync(client, "node", ["script.js"], new Dictionary<string, string>
        {
            ["SODA_BASE_URL"] = portal.HttpsAddress.ToString(),
            ["SODA_KEY_ID"] = key.KeyId,
            ["SODA_KEY_SECRET"] = key.Secret,
            ["SODA_DATASET"] = id.Value,
            ["NODE_EXTRA_CA_CERTS"] = portal.CertificatePath,
        });

        Assert.True(exitCode == 0, $"node script.js exited with {exitCode}: {errors}");
        using JsonDocument result = JsonDocument.Parse(output);
        JsonElement root = result.RootElement;
        string url = Uri.UnescapeDataString(root.GetProperty("url").GetString()!);
        Assert.StartsWith($"https://{portal.HttpsAddress.Authority}/resource/{id}.json?", url, StringComparison.Ordinal);
        Assert.Contains("$where=(open = true) and (score > 5)", url, StringComparison.Ordinal);
        Assert.Contains("$order=code asc", url, StringComparison.Ordinal);

        // open = true and score > 5, by code: A1 (10) and C3 (30).
        Assert.Equal(["A1:Alpha:10", "C3:Charlie:30"], Rows(root.GetProperty("before")));
        JsonElement upsert = root.GetProperty("upsert");
        Assert.Equal(3, upsert.GetProperty("By RowIdentifier").GetInt64());
        Assert.Equal(1, upsert.GetProperty("Rows Updated").GetInt64());
        Assert.Equal(1, upsert.GetProperty("Rows Deleted").GetInt64());
        Assert.Equal(1, upsert.GetProperty("Rows Created").GetInt64());
        Assert.Equal(0, upsert.GetProperty("Errors").GetInt64());
        Assert.Equal(0, upsert.GetProperty("By SID").GetInt64());
        // A1 now 12, C3 deleted, D4 created open with 40.
        Assert.Equal(["A1:Alpha:12", "D4:Delta:40"], Rows(root.GetProperty("after")));
        // Every row by code descending (D4, B2, A1), skipping one, two at most.
        Assert.Equal(["B2", "A1"], root.GetProperty("page").EnumerateArray().Select(row => row.GetProperty("code").GetString()));
    }

    private static string[] Rows(JsonElement rows) =>
        [.. rows.EnumerateArray().Select(row => $"{row.GetProperty("code").GetString()}:{row.GetProperty("name").GetString()}:{row.GetProperty("score").GetString()}")];

    private static string ClientDirectory()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CivicData.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "clients", "soda-js");
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (CivicData.sln) above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// <c>npm ci</c> once: skipped while node_modules is current, i.e. npm's own record of the install
    /// (node_modules/.package-lock.json) is newer than the committed package-lock.json.
    /// </summary>
    private static async Task EnsureInstalledAsync(string client)
    {
        var installed = new FileInfo(Path.Combine(client, "node_modules", ".package-lock.json"));
        var locked = new FileInfo(Path.Combine(client, "package-lock.json"));
        if (installed.Exists && installed.LastWriteTimeUtc >= locked.LastWriteTimeUtc)
        {
            return;
        }

        (int exitCode, _, string errors) = await RunAsync(client, "npm", ["ci", "--no-audit", "--no-fund"], new Dictionary<string, string>());
        Assert.True(exitCode == 0, $"npm ci failed with {exitCode}: {errors}");
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string directory, string program, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_timeLimit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {s_timeLimit}.");
        }

        return (process.ExitCode, await output, await errors);
    }
}
