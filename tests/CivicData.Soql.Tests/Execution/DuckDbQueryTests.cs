namespace CivicData.Soql.Tests.Execution;

public sealed class DuckDbQueryTests(DuckDbFixture fixture) : QueryConformanceTests(fixture), IClassFixture<DuckDbFixture>;
