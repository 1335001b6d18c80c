namespace CivicData.Soql.Tests.Geospatial;

public sealed class PostgresGeometryTests(PostgresGeometryFixture fixture) : GeometryConformanceTests(fixture), IClassFixture<PostgresGeometryFixture>;
