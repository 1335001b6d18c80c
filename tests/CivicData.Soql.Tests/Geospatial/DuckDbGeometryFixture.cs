using CivicData.Soql.Tests.Engines;

namespace CivicData.Soql.Tests.Geospatial;

public sealed class DuckDbGeometryFixture() : GeometryFixture(new DuckDbEngine());
