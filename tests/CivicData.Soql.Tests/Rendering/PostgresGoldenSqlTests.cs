using CivicData.Soql.Tests.Execution;

namespace CivicData.Soql.Tests.Rendering;

public sealed class PostgresGoldenSqlTests(PostgresFixture fixture) : GoldenSqlConformanceTests(fixture), IClassFixture<PostgresFixture>;
