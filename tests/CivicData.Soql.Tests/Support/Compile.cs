using System.Collections.Immutable;
using CivicData.Core;
using CivicData.Soql.Diagnostics;
using CivicData.Soql.Rendering.Dialects.DuckDb;

namespace CivicData.Soql.Tests.Support;

internal static class Compile
{
    public static CompiledQuery Request(SoqlRequest request) =>
        SoqlCompiler.Compile(request, TestSchema.Vehicles, DuckDbDialect.Instance);

    public static QueryError Error(SoqlRequest request) =>
        Assert.Throws<QueryError>(() => Request(request));

    public static ImmutableArray<Diagnostic> Diagnostics(SoqlRequest request)
    {
        bool ok = SoqlCompiler.TryCompile(request, TestSchema.Vehicles, DuckDbDialect.Instance, out _, out ImmutableArray<Diagnostic> diagnostics);
        Assert.False(ok, "expected the request to fail");
        return diagnostics;
    }
}
