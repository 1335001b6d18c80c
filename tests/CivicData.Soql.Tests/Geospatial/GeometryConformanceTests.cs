using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Soql.Tests.Engines;

namespace CivicData.Soql.Tests.Geospatial;

/// <summary>
/// Geometry functions on a real engine over <see cref="DistrictRows"/>, with expectations computed by hand; each
/// engine's sealed subclass only supplies its fixture. Geometries are compared normalised, to 1e-9 degrees.
/// </summary>
public abstract class GeometryConformanceTests(GeometryFixture fixture)
{
    private const string Cd1AndCd2 = "MULTIPOLYGON (((-118.3 34, -118.1 34, -118.1 34.1, -118.3 34.1, -118.3 34)))";

    [Fact]
    public async Task Within_polygon_takes_a_polygon_or_multipolygon_literal_and_excludes_the_boundary()
    {
        // CD2's headquarters lies on CD1's east edge: on the boundary is not within.
        Assert.Equal(["CD1"], await NamesAsync($"within_polygon(hq, '{DistrictRows.Cd1}')"));
        Assert.Equal(["CD1", "CD2"], await NamesAsync($"within_polygon(hq, '{Cd1AndCd2}')"));
        Assert.Equal(["CD1", "CD2"], await NamesAsync($"within_polygon(hq, '{Cd1AndCd2.ToLowerInvariant()}')"));
        Assert.Equal(["CD3", "CD4"], await NamesAsync($"NOT within_polygon(hq, '{Cd1AndCd2}') OR hq IS NULL"));
    }

    [Fact]
    public async Task Within_polygon_on_polygons_and_lines()
    {
        Assert.Equal(["CD1"], await NamesAsync("within_polygon(boundary, 'POLYGON ((-118.31 33.99, -118.19 33.99, -118.19 34.11, -118.31 34.11, -118.31 33.99))')"));
        Assert.Equal(["CD1", "CD2"], await NamesAsync("within_polygon(boundary, 'MULTIPOLYGON (((-118.31 33.99, -118.09 33.99, -118.09 34.11, -118.31 34.11, -118.31 33.99)))')"));
        Assert.Equal(["CD2"], await NamesAsync($"within_polygon(route, '{DistrictRows.Cd2}')"));
    }

    [Fact]
    public async Task Intersects_counts_touching_and_works_between_columns()
    {
        Assert.Equal(["CD1", "CD2"], await NamesAsync("intersects(boundary, 'POINT (-118.2 34.05)')"));
        Assert.Equal(["CD1", "CD2"], await NamesAsync("intersects(hq, boundary)"));
        Assert.Equal(["CD1", "CD2"], await NamesAsync("intersects(route, 'LINESTRING (-118.3 34.1, -118.2 34)')"));
        Assert.Equal(["CD3"], await NamesAsync("intersects('MULTIPOINT ((-118.45 33.95), (0 0))', boundary)"));
        Assert.Empty(await NamesAsync("intersects(boundary, 'POINT (0 0)')"));
    }

    [Fact]
    public async Task Num_points_counts_vertices_including_the_closing_one()
    {
        Assert.Equal(
            [[5d, 3d, 1d], [5d, 2d, 1d], [6d, 4d, 1d], [null, null, null]],
            await RunAsync(new SoqlRequest { Select = "num_points(boundary), num_points(route), num_points(hq)" }));
    }

    [Fact]
    public async Task Simplify_drops_the_vertex_within_the_tolerance_and_keeps_the_type()
    {
        CompiledQuery query = Compile(new SoqlRequest
        {
            Select = "simplify(boundary, 0.01), simplify_preserve_topology(boundary, 0.01), simplify(boundary, 0.0001), simplify(hq, 1)",
            Where = "name = 'CD3'",
        });

        Assert.Equal([SodaType.Polygon, SodaType.Polygon, SodaType.Polygon, SodaType.Point], query.Columns.Select(column => column.Type));
        object?[] row = Assert.Single(await fixture.Engine.QueryAsync(query, CancellationToken.None));
        const string square = "POLYGON ((-118.5 33.9, -118.4 33.9, -118.4 34, -118.5 34, -118.5 33.9))";
        GeometryAssert.Equal(square, row[0]);
        GeometryAssert.Equal(square, row[1]);
        GeometryAssert.Equal(DistrictRows.Cd3, row[2]);
        Assert.Equal(new TestPoint(-118, 33), row[3]);
    }

    [Fact]
    public async Task Extent_is_the_bounding_box_as_a_multipolygon()
    {
        CompiledQuery query = Compile(new SoqlRequest { Select = "extent(hq), extent(boundary), extent(route)" });

        Assert.All(query.Columns, column => Assert.Equal(SodaType.MultiPolygon, column.Type));
        object?[] row = Assert.Single(await fixture.Engine.QueryAsync(query, CancellationToken.None));
        GeometryAssert.Equal("MULTIPOLYGON (((-118.25 33, -118.25 34.05, -118 34.05, -118 33, -118.25 33)))", row[0]);
        GeometryAssert.Equal("MULTIPOLYGON (((-118.5 33.9, -118.5 34.1, -118.1 34.1, -118.1 33.9, -118.5 33.9)))", row[1]);
        GeometryAssert.Equal("MULTIPOLYGON (((-118.5 33.9, -118.5 34.1, -118.1 34.1, -118.1 33.9, -118.5 33.9)))", row[2]);
    }

    [Fact]
    public async Task Extent_of_no_rows_is_null_and_extent_groups()
    {
        Assert.Equal([[null]], await RunAsync(new SoqlRequest { Select = "extent(boundary)", Where = "name = 'none'" }));

        IReadOnlyList<object?[]> rows = await RunAsync(new SoqlRequest { Select = "name, extent(boundary)", Group = "name", Where = "name IN ('CD1', 'CD4')" });
        Assert.Equal(["CD1", "CD4"], rows.Select(row => row[0]));
        GeometryAssert.Equal("MULTIPOLYGON (((-118.3 34, -118.3 34.1, -118.2 34.1, -118.2 34, -118.3 34)))", rows[0][1]);
        Assert.Null(rows[1][1]);
    }

    [Fact]
    public async Task Convex_hull_encloses_every_row()
    {
        CompiledQuery query = Compile(new SoqlRequest { Select = "convex_hull(hq), convex_hull(boundary)", Where = "name IN ('CD1', 'CD2', 'CD4')" });

        Assert.All(query.Columns, column => Assert.Equal(SodaType.MultiPolygon, column.Type));
        object?[] row = Assert.Single(await fixture.Engine.QueryAsync(query, CancellationToken.None));
        GeometryAssert.Equal("MULTILINESTRING ((-118.25 34.05, -118.2 34.05))", row[0]);
        GeometryAssert.Equal(Cd1AndCd2, row[1]);

        object?[] all = Assert.Single(await RunAsync(new SoqlRequest { Select = "convex_hull(hq)" }));
        GeometryAssert.Equal("MULTIPOLYGON (((-118.25 34.05, -118.2 34.05, -118 33, -118.25 34.05)))", all[0]);
    }

    [Fact]
    public async Task Make_point_takes_latitude_first()
    {
        Assert.Equal(
            [[new TestPoint(-118.25, 34.05), true]],
            await RunAsync(new SoqlRequest { Select = $"make_point(34.05, -118.25), within_polygon(make_point(34.05, -118.25), '{DistrictRows.Cd1}')", Where = "name = 'CD1'" }));
        Assert.Equal(["CD1"], await NamesAsync("intersects(hq, make_point(34.05, -118.25))"));
    }

    [Fact]
    public async Task Geometry_literals_cast_and_read_back_as_geometries()
    {
        CompiledQuery query = Compile(new SoqlRequest
        {
            Select = $"'{DistrictRows.Cd1}'::polygon, '{DistrictRows.Cd1}'::multipolygon, 'LINESTRING (1 2, 3 4)'::line, 'point (1.5 -2)'::point",
            Where = "name = 'CD1'",
        });

        Assert.Equal([SodaType.Polygon, SodaType.MultiPolygon, SodaType.Line, SodaType.Point], query.Columns.Select(column => column.Type));
        object?[] row = Assert.Single(await fixture.Engine.QueryAsync(query, CancellationToken.None));
        GeometryAssert.Equal(DistrictRows.Cd1, row[0]);
        GeometryAssert.Equal("MULTIPOLYGON (((-118.3 34, -118.2 34, -118.2 34.1, -118.3 34.1, -118.3 34)))", row[1]);
        GeometryAssert.Equal("LINESTRING (1 2, 3 4)", row[2]);
        Assert.Equal(new TestPoint(1.5, -2), row[3]);
    }

    [Fact]
    public async Task Hostile_wkt_is_refused_or_bound_as_a_value()
    {
        string[] hostile =
        [
            "POLYGON ((0 0, 1 0, 1 1, 0 0)))'; DROP TABLE ds_dist_0001_v1; --",
            "POLYGON ((0 0, 1 0, 1 1, 0 0)) --",
            "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0))) UNION SELECT 1",
            "POLYGON ((0 0, 1 0, 1 1, 0 0)); SELECT 1",
        ];

        foreach (string wkt in hostile)
        {
            QueryError error = Assert.Throws<QueryError>(() => Compile(new SoqlRequest { Where = $"within_polygon(hq, '{wkt.Replace("'", "''", StringComparison.Ordinal)}')" }));
            Assert.Equal("query.soql.type-mismatch", error.Code);
        }

        CompiledQuery query = Compile(new SoqlRequest { Select = "name", Where = $"within_polygon(hq, '{Cd1AndCd2}')" });
        Assert.DoesNotContain("118", query.Statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("POLYGON", query.Statement.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["CD1", "CD2"], (await fixture.Engine.QueryAsync(query, CancellationToken.None)).Select(row => row[0]));
        Assert.Equal([[(double)DistrictRows.Names.Length]], await RunAsync(new SoqlRequest { Select = "count(*)" }));
    }

    private CompiledQuery Compile(SoqlRequest request) => SoqlCompiler.Compile(request, DistrictRows.Schema, fixture.Engine.Dialect);

    private Task<IReadOnlyList<object?[]>> RunAsync(SoqlRequest request) => fixture.Engine.QueryAsync(Compile(request), CancellationToken.None);

    private async Task<List<object?>> NamesAsync(string where) =>
        [.. (await RunAsync(new SoqlRequest { Select = "name", Where = where })).Select(row => row[0])];
}
