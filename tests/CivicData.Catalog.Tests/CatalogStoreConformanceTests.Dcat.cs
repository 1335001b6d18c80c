using CivicData.Catalog.Datasets;
using CivicData.Core.Datasets;

namespace CivicData.Catalog.Tests;

/// <summary>The DCAT-US / DCAT-AP metadata fields (migration 0003) round-trip through the store.</summary>
public abstract partial class CatalogStoreConformanceTests
{
    private static readonly DatasetId s_dcat = DatasetId.Parse("dcat-0003");

    private static DatasetMetadata FullDcatMetadata() => new()
    {
        Title = "Street trees",
        Department = "Public Works",
        Tags = ["trees"],
        Publisher = "Bureau of Street Services",
        PublisherParent = "City of Example",
        ContactName = "Urban Forestry Division",
        ContactEmail = "trees@example.gov",
        Temporal = "2019-01-01/2024-12-31",
        Spatial = "-118.67,33.70,-118.15,34.34",
        AccrualPeriodicity = "R/P1M",
        LandingPage = "https://example.gov/trees",
        Languages = ["en-US", "es"],
        Rights = "Tree locations only; no owner data.",
        BureauCodes = ["015:11"],
        ProgramCodes = ["015:001", "015:002"],
        Themes = ["Environment", "Infrastructure"],
        Issued = new DateOnly(2019, 3, 15),
        ConformsTo = "https://example.gov/standards/trees",
        DescribedBy = "https://example.gov/trees/dictionary.pdf",
        DescribedByType = "application/pdf",
        References = ["https://example.gov/trees/faq", "https://example.gov/trees/methods"],
        DataQuality = true,
        SystemOfRecords = "https://example.gov/sorn/123",
        IsPartOf = "https://example.gov/collections/urban-forest",
        PrimaryItInvestmentUii = "015-000000123",
    };

    [Fact]
    public async Task Every_dcat_field_reads_back_as_written()
    {
        ICatalogStore store = await NewStoreAsync();

        DatasetRecord created = await store.CreateDatasetAsync(s_dcat, FullDcatMetadata(), None);
        DatasetRecord found = (await store.FindDatasetAsync(s_dcat, None))!;

        foreach (DatasetMetadata metadata in new[] { created.Metadata, found.Metadata })
        {
            Assert.Equal("Bureau of Street Services", metadata.Publisher);
            Assert.Equal("City of Example", metadata.PublisherParent);
            Assert.Equal("Urban Forestry Division", metadata.ContactName);
            Assert.Equal("trees@example.gov", metadata.ContactEmail);
            Assert.Equal("2019-01-01/2024-12-31", metadata.Temporal);
            Assert.Equal("-118.67,33.70,-118.15,34.34", metadata.Spatial);
            Assert.Equal("R/P1M", metadata.AccrualPeriodicity);
            Assert.Equal("https://example.gov/trees", metadata.LandingPage);
            Assert.Equal(["en-US", "es"], metadata.Languages.ToArray());
            Assert.Equal("Tree locations only; no owner data.", metadata.Rights);
            Assert.Equal(["015:11"], metadata.BureauCodes.ToArray());
            Assert.Equal(["015:001", "015:002"], metadata.ProgramCodes.ToArray());
            Assert.Equal(["Environment", "Infrastructure"], metadata.Themes.ToArray());
            Assert.Equal(new DateOnly(2019, 3, 15), metadata.Issued);
            Assert.Equal("https://example.gov/standards/trees", metadata.ConformsTo);
            Assert.Equal("https://example.gov/trees/dictionary.pdf", metadata.DescribedBy);
            Assert.Equal("application/pdf", metadata.DescribedByType);
            Assert.Equal(["https://example.gov/trees/faq", "https://example.gov/trees/methods"], metadata.References.ToArray());
            Assert.True(metadata.DataQuality);
            Assert.Equal("https://example.gov/sorn/123", metadata.SystemOfRecords);
            Assert.Equal("https://example.gov/collections/urban-forest", metadata.IsPartOf);
            Assert.Equal("015-000000123", metadata.PrimaryItInvestmentUii);
            Assert.Equal("Bureau of Street Services", metadata.PublisherName);
            Assert.Equal(AccessLevels.Public, metadata.AccessLevel);
        }
    }

    [Fact]
    public async Task A_dataset_without_dcat_fields_reads_back_with_nulls_and_empty_arrays()
    {
        ICatalogStore store = await NewStoreAsync();

        DatasetMetadata metadata = (await store.CreateDatasetAsync(s_dcat, new DatasetMetadata { Title = "Bare", Department = "Parks", Visibility = Visibility.Private }, None)).Metadata;

        Assert.Null(metadata.Publisher);
        Assert.Null(metadata.PublisherParent);
        Assert.Null(metadata.ContactName);
        Assert.Null(metadata.Temporal);
        Assert.Null(metadata.Spatial);
        Assert.Null(metadata.AccrualPeriodicity);
        Assert.Null(metadata.LandingPage);
        Assert.Null(metadata.Rights);
        Assert.Null(metadata.Issued);
        Assert.Null(metadata.DataQuality);
        Assert.Null(metadata.IsPartOf);
        foreach (var array in new[] { metadata.Languages, metadata.BureauCodes, metadata.ProgramCodes, metadata.Themes, metadata.References })
        {
            Assert.False(array.IsDefault);
            Assert.Empty(array);
        }

        Assert.Equal("Parks", metadata.PublisherName);
        Assert.Equal(AccessLevels.NonPublic, metadata.AccessLevel);
    }

    [Fact]
    public async Task Updating_metadata_replaces_the_dcat_fields_too()
    {
        ICatalogStore store = await NewStoreAsync();
        await store.CreateDatasetAsync(s_dcat, FullDcatMetadata(), None);

        DatasetRecord updated = await store.UpdateMetadataAsync(s_dcat, new DatasetMetadata
        {
            Title = "Street trees",
            Languages = ["fr"],
            DataQuality = false,
            Issued = new DateOnly(2020, 1, 2),
        }, None);
        DatasetMetadata found = (await store.FindDatasetAsync(s_dcat, None))!.Metadata;

        foreach (DatasetMetadata metadata in new[] { updated.Metadata, found })
        {
            Assert.Equal(["fr"], metadata.Languages.ToArray());
            Assert.False(metadata.DataQuality);
            Assert.Equal(new DateOnly(2020, 1, 2), metadata.Issued);
            Assert.Null(metadata.Publisher);
            Assert.Null(metadata.Temporal);
            Assert.Empty(metadata.ProgramCodes);
            Assert.Empty(metadata.References);
        }
    }
}
