using System.Reflection;

namespace CivicData.Core.Tests.Architecture;

/// <summary>Dependencies point one way: Web → services (Catalog, Storage, Ingest, Soql) → Core (design.md §2).</summary>
public sealed class DependencyDirectionTests
{
    private static readonly Dictionary<string, string[]> s_allowed = new()
    {
        ["CivicData.Core"] = [],
        ["CivicData.Soql"] = ["CivicData.Core"],
        ["CivicData.Catalog"] = ["CivicData.Core"],
        ["CivicData.Storage"] = ["CivicData.Core", "CivicData.Soql"],
        ["CivicData.Ingest"] = ["CivicData.Core", "CivicData.Catalog", "CivicData.Storage", "CivicData.Soql"],
        ["CivicData.Web"] = ["CivicData.Core", "CivicData.Catalog", "CivicData.Storage", "CivicData.Ingest", "CivicData.Soql"],
    };

    [Theory]
    [InlineData("CivicData.Core")]
    [InlineData("CivicData.Soql")]
    [InlineData("CivicData.Catalog")]
    [InlineData("CivicData.Storage")]
    [InlineData("CivicData.Ingest")]
    [InlineData("CivicData.Web")]
    public void Each_project_references_only_the_projects_below_it(string name)
    {
        Assembly assembly = Assembly.Load(name);

        string[] ours = [.. assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("CivicData", StringComparison.Ordinal))];

        Assert.All(ours, reference => Assert.Contains(reference, s_allowed[name]));
    }

    [Theory]
    [InlineData("CivicData.Core")]
    [InlineData("CivicData.Soql")]
    public void Core_and_the_query_compiler_do_no_io_and_know_no_database_or_web(string name)
    {
        Assembly assembly = Assembly.Load(name);

        string[] forbidden = ["DuckDB.NET.Data", "Microsoft.Data.Sqlite", "Npgsql", "Microsoft.AspNetCore.Http", "Dapper"];

        Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => forbidden.Contains(a.Name));
    }
}
