using CivicData.Soql.Tests.Support;

namespace CivicData.Soql.Tests.Execution;

/// <summary>DuckDB.NET binds <c>$n</c> placeholders from unnamed parameters in order or from parameters named "n".</summary>
public sealed class DuckDbParameterBindingTests(DuckDbFixture duckDb) : IClassFixture<DuckDbFixture>
{
    [Fact]
    public void Parameters_bind_by_position_with_or_without_names()
    {
        CompiledQuery query = Compile.Request(new SoqlRequest { Select = "name", Where = "make = 'APCO' AND v_max > 50" });

        Assert.Equal([["Karma"]], duckDb.Run(query.Statement));
        Assert.Equal([["Karma"]], duckDb.Run(query.Statement, namedParameters: true));
    }
}
