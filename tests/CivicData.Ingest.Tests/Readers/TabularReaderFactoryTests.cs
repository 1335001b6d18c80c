using CivicData.Core;
using CivicData.Ingest.Readers;
using CivicData.Ingest.Tests.Fixtures;

namespace CivicData.Ingest.Tests.Readers;

public sealed class TabularReaderFactoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("a.csv", "csv")]
    [InlineData("a.TXT", "csv")]
    [InlineData("a.tsv", "tsv")]
    [InlineData("a.ndjson", "ndjson")]
    [InlineData("a.jsonl", "ndjson")]
    [InlineData("a.geojson", "geojson")]
    [InlineData("a.xlsx", "xlsx")]
    public void The_format_follows_the_extension(string fileName, string expected)
    {
        Assert.Equal(expected, TabularReaderFactory.DetectFormat(fileName, explicitFormat: null));
    }

    [Theory]
    [InlineData("""[{"type": "FeatureCollection"}]""", "json")]
    [InlineData("""{"type": "FeatureCollection", "features": []}""", "geojson")]
    [InlineData("""  {"name": "x", "bbox": [1, 2, 3, 4], "features": []}""", "geojson")]
    [InlineData("""{"data": [1, 2]}""", "json")]
    public void A_json_file_is_geojson_only_when_it_starts_like_a_feature_collection(string content, string expected)
    {
        string path = _temp.WriteText("data.json", content);

        Assert.Equal(expected, TabularReaderFactory.DetectFormat(path, explicitFormat: null));
    }

    [Fact]
    public void An_explicit_format_wins_over_the_extension()
    {
        Assert.Equal("ndjson", TabularReaderFactory.DetectFormat("export.txt", "NDJSON"));
    }

    [Theory]
    [InlineData("a.parquet", null)]
    [InlineData("README", null)]
    [InlineData("a.csv", "shapefile")]
    public void An_unknown_format_is_an_error_listing_the_supported_ones(string fileName, string? format)
    {
        var error = Assert.Throws<ValidationError>(() => TabularReaderFactory.DetectFormat(fileName, format));

        Assert.Equal("ingest.unsupported-format", error.Code);
        Assert.Contains("csv, tsv, json, ndjson, geojson, xlsx", error.Message);
    }

    [Fact]
    public async Task A_missing_file_is_an_unreadable_error()
    {
        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(_temp.File("missing.csv")));

        Assert.Equal("ingest.unreadable", error.Code);
        Assert.Contains("missing.csv", error.Message);
    }

    [Fact]
    public async Task A_directory_is_an_unreadable_error()
    {
        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(_temp.Path, format: "csv"));

        Assert.Equal("ingest.unreadable", error.Code);
    }
}
