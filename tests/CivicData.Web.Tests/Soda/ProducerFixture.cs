using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CivicData.Catalog.Accounts;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;
using CivicData.Ingest.Publishing;
using CivicData.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CivicData.Web.Tests.Soda;

/// <summary>
/// A portal of its own for the write tests, so their changes never reach the shared fixture's data: plain HTTP for
/// HttpClient, and HTTPS with a throwaway self-signed certificate for soda-js, which only ever speaks https. Each test
/// publishes the small datasets it changes, under a fresh id.
/// </summary>
public sealed class ProducerFixture : IAsyncLifetime
{
    /// <summary>The body limit the fixture configures, small enough for a test to exceed cheaply.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    public const string Department = "Public Works";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "civicdata-producer-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private int _datasets;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The https address, e.g. https://127.0.0.1:43121/.</summary>
    public Uri HttpsAddress { get; private set; } = null!;

    /// <summary>PEM file of the server's certificate, for clients that must trust it.</summary>
    public string CertificatePath => Path.Combine(_directory, "server.crt");

    public WebApplication App => _app ?? throw new InvalidOperationException("The portal has not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        string keyPath = Path.Combine(_directory, "server.key");
        WriteCertificate(CertificatePath, keyPath);
        _app = CivicDataWebApplication.Build(
            new CivicDataHostSettings { DataDirectory = Path.Combine(_directory, "data"), Urls = "http://127.0.0.1:0;https://127.0.0.1:0" },
            [
                "--Logging:LogLevel:Default=Warning",
                "--Kestrel:Certificates:Default:Path=" + CertificatePath,
                "--Kestrel:Certificates:Default:KeyPath=" + keyPath,
                "--SodaProducer:MaxBodyBytes=" + MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ]);
        await _app.StartAsync();
        IReadOnlyList<Uri> addresses = CivicDataWebApplication.GetAddresses(_app);
        Client = new HttpClient { BaseAddress = addresses.First(address => address.Scheme == Uri.UriSchemeHttp) };
        HttpsAddress = addresses.First(address => address.Scheme == Uri.UriSchemeHttps);
    }

    /// <summary>Publishes <paramref name="csv"/> as a new dataset with the given column types and returns its id.</summary>
    public async Task<DatasetId> PublishAsync(string csv, IReadOnlyDictionary<string, SodaType> types, string? rowIdentifier, string? department = Department, bool isPrivate = false)
    {
        int number = Interlocked.Increment(ref _datasets);
        DatasetId id = DatasetId.Parse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"prod-{number:d4}"));
        string path = Path.Combine(_directory, id.Value + ".csv");
        await File.WriteAllTextAsync(path, csv, Encoding.UTF8);
        await App.Services.GetRequiredService<DatasetPublisher>().PublishAsync(
            new PublishRequest
            {
                Path = path,
                Id = id,
                Mode = PublishMode.Create,
                Title = "Producer test " + id.Value,
                Department = department,
                Private = isPrivate,
                RowIdentifier = rowIdentifier,
                TypeOverrides = types.ToImmutableDictionary(),
            },
            progress: null,
            CancellationToken.None);
        return id;
    }

    /// <summary>A new user with one API key.</summary>
    public async Task<IssuedApiKey> KeyAsync(Role role, string? organization)
    {
        KeyIssuer issuer = App.Services.GetRequiredService<KeyIssuer>();
        string email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@city.example";
        await issuer.AddUserAsync(email, role, organization, password: null, actor: "test", CancellationToken.None);
        return await issuer.CreateKeyAsync(email, actor: "test", CancellationToken.None);
    }

    public static AuthenticationHeaderValue Basic(IssuedApiKey key) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key.KeyId + ":" + key.Secret)));

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A straggling file handle on some platforms; the OS cleans temp.
        }
    }

    /// <summary>A self-signed certificate for 127.0.0.1 and localhost, valid for this run only.</summary>
    private static void WriteCertificate(string certificatePath, string keyPath)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        DateTimeOffset now = TimeProvider.System.GetUtcNow();
        using X509Certificate2 certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
    }
}

[CollectionDefinition(Name)]
public sealed class ProducerCollection : ICollectionFixture<ProducerFixture>
{
    public const string Name = "Producer";
}
