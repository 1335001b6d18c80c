namespace CivicData.Soql.Tests.Execution;

public sealed class PostgresQueryTests(PostgresFixture fixture) : QueryConformanceTests(fixture), IClassFixture<PostgresFixture>;
