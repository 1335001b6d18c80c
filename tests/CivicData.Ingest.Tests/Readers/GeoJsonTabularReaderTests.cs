using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Ingest.Readers;
using CivicData.Ingest.Tests.Fixtures;

namespace CivicData.Ingest.Tests.Readers;

public sealed class GeoJsonTabularReaderTests : IDisposable
{
    private const string Square = """[[[0, 0], [1, 0], [1, 1], [0, 0]]]""";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Points_give_property_columns_then_the_geometry_as_the_geom()
    {
        string path = _temp.WriteText("points.geojson", """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"name": "City Hall", "ward": 1}, "geometry": {"type": "Point", "coordinates": [-118.2428, 34.0537]}},
              {"type": "Feature", "properties": {"ward": 2, "open": true}, "geometry": null},
              {"type": "Feature", "properties": null, "geometry": {"type": "Point", "coordinates": [-118.3, 34.1]}}
            ]}
            """);
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal(["name", "ward", "open", "the_geom"], reader.ColumnNames());
        Assert.Equal([null, null, null, SodaType.Point], reader.Columns.Select(c => c.TypeHint));
        Assert.Equal(
            [
                ["City Hall", "1", null, """{"type": "Point", "coordinates": [-118.2428, 34.0537]}"""],
                [null, "2", "true", null],
                [null, null, null, """{"type": "Point", "coordinates": [-118.3, 34.1]}"""],
            ],
            await reader.ReadAllAsync());
    }

    [Theory]
    [InlineData("Polygon", "Polygon", SodaType.Polygon)]
    [InlineData("Polygon", "MultiPolygon", SodaType.MultiPolygon)]
    [InlineData("MultiPolygon", "MultiPolygon", SodaType.MultiPolygon)]
    public async Task Polygonal_geometries_get_a_polygon_or_multipolygon_hint(string first, string second, SodaType expected)
    {
        string path = _temp.WriteText("shapes.geojson", FeatureCollection(
            Feature(first, first == "Polygon" ? Square : $"[{Square}]"),
            Feature(second, second == "Polygon" ? Square : $"[{Square}]")));
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal(expected, reader.Columns[^1].TypeHint);
        Assert.Equal(2, (await reader.ReadAllAsync()).Count);
    }

    [Fact]
    public async Task Lines_get_a_line_hint()
    {
        string path = _temp.WriteText("lines.geojson", FeatureCollection(Feature("LineString", "[[0, 0], [1, 1]]")));
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal(SodaType.Line, reader.Columns[^1].TypeHint);
    }

    [Fact]
    public async Task Points_mixed_with_polygons_are_a_mixed_geometry_error_naming_both()
    {
        string path = _temp.WriteText("mixed.geojson", FeatureCollection(Feature("Point", "[0, 0]"), Feature("Polygon", Square)));

        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(path));

        Assert.Equal("ingest.mixed-geometry", error.Code);
        Assert.Contains("Point", error.Message);
        Assert.Contains("Polygon", error.Message);
    }

    [Fact]
    public async Task A_geometry_collection_is_an_unsupported_geometry_error()
    {
        string path = _temp.WriteText("gc.geojson", """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "GeometryCollection", "geometries": []}}]}
            """);

        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(path));

        Assert.Equal("ingest.unsupported-geometry", error.Code);
        Assert.Contains("GeometryCollection", error.Message);
    }

    [Fact]
    public async Task A_projected_crs_is_an_unsupported_crs_error()
    {
        string path = _temp.WriteText("projected.geojson", """
            {"type": "FeatureCollection",
             "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2229"}},
             "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [6487000, 1840000]}}]}
            """);

        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(path));

        Assert.Equal("ingest.unsupported-crs", error.Code);
        Assert.Contains("EPSG::2229", error.Message);
    }

    [Fact]
    public async Task A_crs84_crs_after_the_features_is_accepted()
    {
        string path = _temp.WriteText("crs84.geojson", """
            {"features": [{"type": "Feature", "properties": {"a": 1}, "geometry": {"type": "Point", "coordinates": [1, 2]}}],
             "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
             "type": "FeatureCollection"}
            """);
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal([["1", """{"type": "Point", "coordinates": [1, 2]}"""]], await reader.ReadAllAsync());
    }

    [Fact]
    public async Task A_single_feature_is_a_malformed_error()
    {
        string path = _temp.WriteText("feature.geojson", """{"type": "Feature", "properties": {}, "geometry": null}""");

        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(path));

        Assert.Equal("ingest.malformed", error.Code);
        Assert.Contains("'Feature'", error.Message);
    }

    [Fact]
    public async Task A_truncated_file_is_a_malformed_error()
    {
        string whole = FeatureCollection(Feature("Point", "[0, 0]"), Feature("Point", "[1, 1]"));
        string path = _temp.WriteText("cut.geojson", whole[..(whole.Length - 30)]);

        var error = await Assert.ThrowsAsync<ValidationError>(() => ReaderTestExtensions.OpenAsync(path));

        Assert.Equal("ingest.malformed", error.Code);
    }

    [Fact]
    public async Task Features_larger_than_the_initial_buffer_are_read_whole()
    {
        // One feature with a 200 KB property and geometry, so the 64 KB buffer has to grow.
        string ring = "[" + string.Join(", ", Enumerable.Range(0, 8000).Select(i => $"[{i}.5, {i}.25]")) + ", [0.5, 0.25]]";
        string longText = new('x', 200_000);
        string path = _temp.WriteText("big.geojson", $$$"""
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"note": "{{{longText}}}"}, "geometry": {"type": "Polygon", "coordinates": [{{{ring}}}]}},
              {"type": "Feature", "properties": {"note": "small"}, "geometry": {"type": "Polygon", "coordinates": [{{{ring}}}]}}
            ]}
            """);
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        List<string?[]> rows = await reader.ReadAllAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal(longText, rows[0][0]);
        Assert.Equal("small", rows[1][0]);
        Assert.EndsWith("[0.5, 0.25]]]}", rows[1][1]);
    }

    [Fact]
    public async Task A_json_file_holding_a_feature_collection_is_read_as_geojson()
    {
        string path = _temp.WriteText("points.json", FeatureCollection(Feature("Point", "[0, 0]")));
        await using ITabularReader reader = await ReaderTestExtensions.OpenAsync(path);

        Assert.Equal(["id", "the_geom"], reader.ColumnNames());
    }

    private static string FeatureCollection(params string[] features) =>
        $$"""{"type": "FeatureCollection", "features": [{{string.Join(",\n", features)}}]}""";

    private static string Feature(string geometryType, string coordinates) =>
        $$$"""{"type": "Feature", "properties": {"id": 1}, "geometry": {"type": "{{{geometryType}}}", "coordinates": {{{coordinates}}}}}""";
}
