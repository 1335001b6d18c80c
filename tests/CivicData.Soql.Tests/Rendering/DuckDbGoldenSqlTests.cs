using CivicData.Soql.Tests.Execution;

namespace CivicData.Soql.Tests.Rendering;

public sealed class DuckDbGoldenSqlTests(DuckDbFixture fixture) : GoldenSqlConformanceTests(fixture), IClassFixture<DuckDbFixture>;
