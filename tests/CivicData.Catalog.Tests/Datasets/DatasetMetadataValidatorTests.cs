using CivicData.Catalog.Datasets;
using CivicData.Core;

namespace CivicData.Catalog.Tests.Datasets;

public sealed class DatasetMetadataValidatorTests
{
    private static readonly DatasetMetadata s_valid = new()
    {
        Title = "Street trees",
        Tags = ["trees", "forestry"],
        LicenseUrl = "https://creativecommons.org/publicdomain/zero/1.0/",
        ContactEmail = "trees@example.gov",
        Temporal = "2019-01-01/2024-12-31",
        Spatial = "-118.67,33.70,-118.15,34.34",
        AccrualPeriodicity = "R/P1D",
        LandingPage = "https://example.gov/trees",
        Languages = ["en-US", "es", "zh-Hant-TW"],
        Rights = new string('r', 255),
        BureauCodes = ["015:11"],
        ProgramCodes = ["015:001"],
        Themes = ["Environment"],
        DescribedByType = "application/vnd.geo+json",
        References = ["https://example.gov/faq"],
        PrimaryItInvestmentUii = "015-000000123",
    };

    [Fact]
    public void Complete_valid_metadata_passes()
    {
        Assert.Empty(DatasetMetadataValidator.Check(s_valid));
        DatasetMetadataValidator.Validate(s_valid);
    }

    [Fact]
    public void A_title_alone_passes_since_every_other_field_is_optional()
    {
        Assert.Empty(DatasetMetadataValidator.Check(new DatasetMetadata { Title = "Bare", Tags = default, Languages = default }));
    }

    public static TheoryData<DatasetMetadata, string> BadValues() => new()
    {
        { s_valid with { Title = "  " }, "title" },
        { s_valid with { ContactEmail = "trees at example.gov" }, "contactEmail" },
        { s_valid with { ContactEmail = "mailto:trees@example.gov@" }, "contactEmail" },
        { s_valid with { LicenseUrl = "creativecommons.org/zero" }, "licenseUrl" },
        { s_valid with { LandingPage = "ftp://example.gov/trees" }, "landingPage" },
        { s_valid with { AttributionLink = "javascript:alert(1)" }, "attributionLink" },
        { s_valid with { ConformsTo = "not a uri" }, "conformsTo" },
        { s_valid with { DescribedBy = "/relative/path" }, "describedBy" },
        { s_valid with { SystemOfRecords = "https://exa mple.gov" }, "systemOfRecords" },
        { s_valid with { AccrualPeriodicity = "daily" }, "accrualPeriodicity" },
        { s_valid with { AccrualPeriodicity = "R/P" }, "accrualPeriodicity" },
        { s_valid with { AccrualPeriodicity = "P1D" }, "accrualPeriodicity" },
        { s_valid with { AccrualPeriodicity = "R/PT" }, "accrualPeriodicity" },
        { s_valid with { Languages = ["en-US", "english language"] }, "languages[1]" },
        { s_valid with { Languages = ["en", "EN"] }, "languages[1]" },
        { s_valid with { Temporal = "2019" }, "temporal" },
        { s_valid with { Temporal = "2024-12-31/2019-01-01" }, "temporal" },
        { s_valid with { Temporal = "2019-01-01T00:00:00/2019-02-01T00:00:00" }, "temporal" },
        { s_valid with { Temporal = "2019-13-01/2020-01-01" }, "temporal" },
        { s_valid with { Temporal = "2019-01-01/soon" }, "temporal" },
        { s_valid with { Spatial = "-200,33,-118,34" }, "spatial" },
        { s_valid with { Spatial = "-118,35,-117,34" }, "spatial" },
        { s_valid with { Spatial = "{\"coordinates\": [1, 2]}" }, "spatial" },
        { s_valid with { Spatial = "https://" }, "spatial" },
        { s_valid with { Rights = new string('r', 256) }, "rights" },
        { s_valid with { BureauCodes = ["15:11"] }, "bureauCodes[0]" },
        { s_valid with { ProgramCodes = ["015:001", "015:01"] }, "programCodes[1]" },
        { s_valid with { Tags = ["trees", ""] }, "tags[1]" },
        { s_valid with { Themes = ["Environment", "environment"] }, "themes[1]" },
        { s_valid with { DescribedByType = "pdf" }, "describedByType" },
        { s_valid with { References = ["https://example.gov/faq", "faq.html"] }, "references[1]" },
        { s_valid with { PrimaryItInvestmentUii = "15-123" }, "primaryItInvestmentUii" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_is_reported_under_its_field_name(DatasetMetadata metadata, string field)
    {
        MetadataFieldError error = Assert.Single(DatasetMetadataValidator.Check(metadata));
        Assert.Equal(field, error.Field);

        ValidationError thrown = Assert.Throws<ValidationError>(() => DatasetMetadataValidator.Validate(metadata));
        Assert.Equal("metadata.invalid", thrown.Code);
        Assert.Contains(field + ": ", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(field, Assert.Single((IReadOnlyList<MetadataFieldError>)thrown.Details["fields"]!).Field);
    }

    [Theory]
    [InlineData("2019-01-01/2019-12-31")]
    [InlineData("2000-01-15T00:45:00Z/2010-01-15T00:06:00Z")]
    [InlineData("2018-01-01T08:00:00-08:00/2018-01-04T17:00:00.5-08:00")]
    [InlineData("2018-01-01/P1Y")]
    [InlineData("2018-01-01/2018-01-01")]
    public void Temporal_intervals_that_pod_accepts_pass(string temporal)
    {
        Assert.Empty(DatasetMetadataValidator.Check(s_valid with { Temporal = temporal }));
    }

    [Theory]
    [InlineData("irregular")]
    [InlineData("R/PT1H")]
    [InlineData("R/P2W")]
    [InlineData("R/P3M")]
    [InlineData("R/P10Y")]
    [InlineData("R/P0.5D")]
    public void Periodicities_that_pod_accepts_pass(string periodicity)
    {
        Assert.Empty(DatasetMetadataValidator.Check(s_valid with { AccrualPeriodicity = periodicity }));
    }

    [Theory]
    [InlineData("Los Angeles, California")]
    [InlineData("https://sws.geonames.org/5368361/")]
    [InlineData("{\"type\":\"Point\",\"coordinates\":[-118.2,34.0]}")]
    [InlineData("-180,-90,180,90")]
    public void Place_names_gazetteer_links_geometries_and_boxes_pass(string spatial)
    {
        Assert.Empty(DatasetMetadataValidator.Check(s_valid with { Spatial = spatial }));
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        DatasetMetadata metadata = s_valid with { ContactEmail = "nobody", LandingPage = "nowhere", Languages = ["??"] };

        Assert.Equal(["contactEmail", "landingPage", "languages[0]"], DatasetMetadataValidator.Check(metadata).Select(e => e.Field));
    }
}
