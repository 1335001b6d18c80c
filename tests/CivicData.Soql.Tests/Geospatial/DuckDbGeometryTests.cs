namespace CivicData.Soql.Tests.Geospatial;

public sealed class DuckDbGeometryTests(DuckDbGeometryFixture fixture) : GeometryConformanceTests(fixture), IClassFixture<DuckDbGeometryFixture>;
