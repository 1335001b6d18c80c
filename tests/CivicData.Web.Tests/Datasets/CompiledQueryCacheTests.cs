using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Soql;
using CivicData.Soql.Rendering.Dialects.DuckDb;
using CivicData.Web.Datasets;

namespace CivicData.Web.Tests.Datasets;

public sealed class CompiledQueryCacheTests
{
    private static readonly TableSchema s_version1 = new("ds_abcd_1234_v1_aaaaaa", [new ColumnSchema(1, "ward", "Ward", SodaType.Number, 1)]);
    private static readonly TableSchema s_version2 = s_version1 with { TableName = "ds_abcd_1234_v2_bbbbbb" };

    [Fact]
    public void The_same_query_on_the_same_version_is_compiled_once()
    {
        using var cache = new CompiledQueryCache();

        CompiledQuery first = cache.GetOrCompile(new SoqlRequest { Where = "ward = 3" }, s_version1, DuckDbDialect.Instance);
        CompiledQuery second = cache.GetOrCompile(new SoqlRequest { Where = "ward = 3" }, s_version1, DuckDbDialect.Instance);

        Assert.Same(first, second);
    }

    [Fact]
    public void A_new_version_or_another_query_compiles_afresh()
    {
        using var cache = new CompiledQueryCache();
        CompiledQuery first = cache.GetOrCompile(new SoqlRequest { Where = "ward = 3" }, s_version1, DuckDbDialect.Instance);

        CompiledQuery otherVersion = cache.GetOrCompile(new SoqlRequest { Where = "ward = 3" }, s_version2, DuckDbDialect.Instance);
        CompiledQuery otherQuery = cache.GetOrCompile(new SoqlRequest { Where = "ward = 4" }, s_version1, DuckDbDialect.Instance);
        CompiledQuery hiddenColumn = cache.GetOrCompile(new SoqlRequest { Where = "ward = 3" }, s_version1 with { Columns = [.. s_version1.Columns, new ColumnSchema(2, "x", "X", SodaType.Text, 2)] }, DuckDbDialect.Instance);

        Assert.NotSame(first, otherVersion);
        Assert.Contains("ds_abcd_1234_v2_bbbbbb", otherVersion.Statement.Text, StringComparison.Ordinal);
        Assert.NotSame(first, otherQuery);
        Assert.NotSame(first, hiddenColumn);
    }

    [Fact]
    public void A_bad_query_is_rejected_every_time()
    {
        using var cache = new CompiledQueryCache();

        Assert.Throws<QueryError>(() => cache.GetOrCompile(new SoqlRequest { Where = "nope = 1" }, s_version1, DuckDbDialect.Instance));
        Assert.Throws<QueryError>(() => cache.GetOrCompile(new SoqlRequest { Where = "nope = 1" }, s_version1, DuckDbDialect.Instance));
    }
}
