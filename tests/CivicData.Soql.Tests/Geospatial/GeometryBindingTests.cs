using CivicData.Core.Schema;
using CivicData.Soql.Binding;
using CivicData.Soql.Diagnostics;
using CivicData.Soql.Rendering.Dialects.Postgres;
using CivicData.Soql.Tests.Support;

namespace CivicData.Soql.Tests.Geospatial;

/// <summary>Geometry literals and functions in the binder: types, WKT validation and error spans.</summary>
public sealed class GeometryBindingTests
{
    [Theory]
    [InlineData("within_polygon([name], 'POLYGON ((0 0, 1 0, 1 1, 0 0))')", "Function 'within_polygon' does not accept an argument of type text.")]
    [InlineData("within_polygon(location, [location])", "Function 'within_polygon' does not accept an argument of type point.")]
    [InlineData("within_polygon(location, ['POINT (1 2)'])", "The literal cannot be read as multipolygon.")]
    [InlineData("within_polygon(location, ['POLYGON ((0 0, 1 0, 1 1))'])", "The literal cannot be read as multipolygon.")]
    [InlineData("within_polygon(location, ['POLYGON ((0 0, 1 0, 1 1, 0 1))'])", "The literal cannot be read as multipolygon.")]
    [InlineData("within_polygon(location, ['POLYGON EMPTY'])", "The literal cannot be read as multipolygon.")]
    [InlineData("within_polygon(location, ['POLYGON Z ((0 0 0, 1 0 0, 1 1 0, 0 0 0))'])", "The literal cannot be read as multipolygon.")]
    [InlineData("within_polygon(location, ['POLYGON ((0 0, 1 0, 1 NaN, 0 0))'])", "The literal cannot be read as multipolygon.")]
    [InlineData("intersects(location, ['LINESTRING (1 2)'])", "The literal cannot be read as multipolygon.")]
    [InlineData("intersects([v_max], location)", "Function 'intersects' does not accept an argument of type number.")]
    [InlineData("num_points([make]) > 1", "Function 'num_points' does not accept an argument of type text.")]
    [InlineData("num_points(simplify(area, ['x'])) > 1", "The literal cannot be read as number.")]
    [InlineData("make_point(1, [name]) IS NULL", "Function 'make_point' does not accept an argument of type text.")]
    [InlineData("['POINT (1 2)']::polygon IS NULL", "The literal cannot be read as polygon.")]
    [InlineData("['MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))']::polygon IS NULL", "The literal cannot be read as polygon.")]
    public void Wrong_geometry_types_and_bad_wkt_are_type_mismatches(string marked, string message)
    {
        AnnotatedText annotated = AnnotatedText.Parse(marked);

        Diagnostic diagnostic = Compile.Diagnostics(new SoqlRequest { Where = annotated.Text })[0];

        Assert.Equal(("query.soql.type-mismatch", message), (diagnostic.ErrorCode, diagnostic.Message));
        Assert.Equal(annotated.Span, diagnostic.Location!.Value.Span);
    }

    [Theory]
    [InlineData("within_polygon(location)", 1)]
    [InlineData("intersects(location, location, location)", 3)]
    [InlineData("num_points()", 0)]
    [InlineData("make_point(1)", 1)]
    public void Wrong_arity_is_no_such_function(string call, int arity)
    {
        Diagnostic diagnostic = Compile.Diagnostics(new SoqlRequest { Select = call })[0];

        Assert.Equal("query.soql.no-such-function", diagnostic.ErrorCode);
        Assert.Equal(arity.ToString(System.Globalization.CultureInfo.InvariantCulture), diagnostic.Data["arity"]?.ToString());
    }

    [Fact]
    public void Geometry_aggregates_are_not_allowed_in_where()
    {
        AnnotatedText annotated = AnnotatedText.Parse("[extent(location)] IS NULL");

        Diagnostic diagnostic = Compile.Diagnostics(new SoqlRequest { Where = annotated.Text })[0];

        Assert.Equal(annotated.Span, diagnostic.Location!.Value.Span);
        Assert.Contains("aggregate", diagnostic.ErrorCode, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("within_polygon(location, 'POLYGON ((0 0, 1 0, 1 1, 0 0))')", SodaType.Checkbox)]
    [InlineData("intersects(area, 'POINT (1 2)')", SodaType.Checkbox)]
    [InlineData("num_points(area)", SodaType.Number)]
    [InlineData("simplify(area, 0.1)", SodaType.Polygon)]
    [InlineData("simplify_preserve_topology(location, '0.1')", SodaType.Point)]
    [InlineData("make_point('1', 2)", SodaType.Point)]
    [InlineData("extent(location)", SodaType.MultiPolygon)]
    [InlineData("convex_hull(area)", SodaType.MultiPolygon)]
    public void Geometry_functions_have_their_soda_types(string select, SodaType type) =>
        Assert.Equal(type, Assert.Single(Compile.Request(new SoqlRequest { Select = select }).Columns).Type);

    [Theory]
    [InlineData("POINT(1 2)", SodaType.Point, "POINT (1 2)")]
    [InlineData("  multipoint ((1 2), (3 4)) ", SodaType.MultiPoint, "MULTIPOINT ((1 2), (3 4))")]
    [InlineData("MULTIPOINT (1 2, 3 4)", SodaType.MultiPoint, "MULTIPOINT ((1 2), (3 4))")]
    [InlineData("LineString (1 2, 3 4.5)", SodaType.Line, "LINESTRING (1 2, 3 4.5)")]
    [InlineData("MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))", SodaType.MultiLine, "MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))")]
    [InlineData("POLYGON ((0 0, 1 0, 1 1, 0 0), (0.1 0.1, 0.2 0.1, 0.2 0.2, 0.1 0.1))", SodaType.Polygon, "POLYGON ((0 0, 1 0, 1 1, 0 0), (0.1 0.1, 0.2 0.1, 0.2 0.2, 0.1 0.1))")]
    [InlineData("MULTIPOLYGON (((-1e2 0, 1 0, 1 1, -100 0)))", SodaType.MultiPolygon, "MULTIPOLYGON (((-100 0, 1 0, 1 1, -100 0)))")]
    public void Wkt_literals_parse_and_print_back(string text, SodaType type, string wkt)
    {
        Assert.True(GeometryValue.TryParseWkt(text, out GeometryValue value));
        Assert.Equal((type, wkt), (value.Type, value.ToWkt()));
    }

    [Fact]
    public void A_polygon_literal_becomes_geojson_for_duckdb_and_wkt_for_postgres_both_as_parameters()
    {
        var request = new SoqlRequest { Where = "within_polygon(area, 'POLYGON ((0 0, 1 0, 1 1, 0 0))')" };

        CompiledQuery duckDb = Compile.Request(request);
        CompiledQuery postgres = SoqlCompiler.Compile(request, TestSchema.Vehicles, PostgresDialect.Instance);

        Assert.Equal("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}""", duckDb.Statement.Parameters[0].Value);
        Assert.Equal("POLYGON ((0 0, 1 0, 1 1, 0 0))", postgres.Statement.Parameters[0].Value);
        Assert.Contains("ST_GeomFromText($1, 4326)", postgres.Statement.Text, StringComparison.Ordinal);
        Assert.Contains("civicdata_within(\"area\", $1)", duckDb.Statement.Text, StringComparison.Ordinal);
    }
}
