using CivicData.Catalog;
using CivicData.Catalog.Datasets;
using CivicData.Core.Datasets;
using CivicData.Ingest.Publishing;
using CivicData.Web.Hosting;
using CivicData.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CivicData.Web.Tests.Dcat;

/// <summary>
/// A real portal for the metadata catalog tests: one dataset with every DCAT field (and hostile text), one with
/// almost none, one with invalid stored values, a private one and a draft, plus the portal-wide DCAT options.
/// </summary>
public sealed class DcatFixture : IAsyncLifetime
{
    public static readonly DatasetId Full = DatasetId.Parse("la31-dcat");
    public static readonly DatasetId Minimal = DatasetId.Parse("lacd-dcat");
    public static readonly DatasetId BadMetadata = DatasetId.Parse("badm-dcat");
    public static readonly DatasetId Private = DatasetId.Parse("priv-dcat");
    public static readonly DatasetId Draft = DatasetId.Parse("drft-dcat");

    public const string OrganizationName = "City of Example";
    public const string FallbackEmail = "opendata@example.gov";
    public const string PrivateTitle = "Secret legend (private)";
    public const string DraftTitle = "Unfinished draft";

    /// <summary>Text that would end a script block, a Turtle string or an IRI if printed raw.</summary>
    public const string HostileDescription = "Requests </script><script>alert(1)</script> <!-- \"quoted\" 'single' \\ back\\slash\n"
        + "second line\t\"\"\" triple quotes > and < brackets & ampersand; café ☕ 𝄞";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "civicdata-dcat-tests-" + Guid.NewGuid().ToString("N"));
    private TestPortal? _portal;
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The root every link starts with: the request's scheme and host, as no base URL is configured.</summary>
    public string Root => BaseAddress.GetLeftPart(UriPartial.Authority);

    public async Task InitializeAsync()
    {
        _portal = await TestPortal.StartAsync(
            new CivicDataHostSettings { DataDirectory = _dataDirectory, Urls = "http://127.0.0.1:0" },
            ownedDirectory: null,
            "--Dcat:OrganizationName=" + OrganizationName,
            "--Dcat:ContactEmail=" + FallbackEmail);
        _app = _portal.App;
        BaseAddress = _portal.BaseAddress;
        Client = _portal.Client;

        DatasetPublisher publisher = _app.Services.GetRequiredService<DatasetPublisher>();
        ICatalogStore catalog = _app.Services.GetRequiredService<ICatalogStore>();
        CancellationToken none = CancellationToken.None;
        await publisher.PublishAsync(
            new PublishRequest
            {
                Path = SharedData.La311,
                Id = Full,
                Title = "MyLA311 Service Requests (DCAT test)",
                Description = HostileDescription,
                Category = "City Services",
                Department = "Information Technology Agency",
                Tags = ["311", "service requests"],
                License = "Public Domain",
                LicenseUrl = "https://creativecommons.org/publicdomain/zero/1.0/",
                ContactEmail = "myla311@example.gov",
                Publisher = "Information Technology Agency",
                PublisherParent = "City of Los Angeles",
                ContactName = "MyLA311 Team",
                Temporal = "2018-01-01/2018-01-04",
                Spatial = "-118.6682,33.7037,-118.1553,34.3373",
                AccrualPeriodicity = "R/P1D",
                LandingPage = "https://example.gov/myla311",
                Languages = ["en-US", "es"],
                Rights = "Open to all.",
                BureauCodes = ["015:11"],
                ProgramCodes = ["015:001"],
                Themes = ["Sanitation"],
                Issued = new DateOnly(2018, 1, 5),
                ConformsTo = "http://wiki.open311.org/GeoReport_v2/",
                References = ["https://example.gov/myla311/faq"],
                DataQuality = true,
                RowIdentifier = "srnumber",
            },
            progress: null,
            none);
        await publisher.PublishAsync(
            new PublishRequest
            {
                Path = SharedData.CouncilDistricts,
                Id = Minimal,
                Title = "Council Districts (DCAT test)",
                Category = "Boundaries",
                Department = "City Planning",
            },
            progress: null,
            none);
        await publisher.PublishAsync(
            new PublishRequest { Path = SharedData.Legend, Id = BadMetadata, Title = "Legend with bad metadata", Department = "Public Health", Tags = ["legend"] },
            progress: null,
            none);
        // Values that bypassed validation (an older version, a direct database edit) must not break the exports.
        DatasetRecord bad = (await catalog.FindDatasetAsync(BadMetadata, none))!;
        await catalog.UpdateMetadataAsync(BadMetadata, bad.Metadata with
        {
            ContactEmail = "not an address",
            Languages = ["english please"],
            Temporal = "sometime",
            LandingPage = "javascript:alert(1)",
            AccrualPeriodicity = "daily",
        }, none);
        await publisher.PublishAsync(
            new PublishRequest { Path = SharedData.Legend, Id = Private, Title = PrivateTitle, Department = "Public Health", Private = true },
            progress: null,
            none);
        await catalog.CreateDatasetAsync(Draft, new DatasetMetadata { Title = DraftTitle, Department = "Public Health" }, none);
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DcatCollection : ICollectionFixture<DcatFixture>
{
    public const string Name = "Dcat";
}
