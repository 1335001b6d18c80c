namespace CivicData.Web.Tests.Infrastructure;

/// <summary>The LA 311 sample as the tests read it themselves, to compute expected answers independently.</summary>
public static class La311Source
{
    private static readonly Lazy<List<Dictionary<string, string>>> s_rows = new(() => TestCsv.Read(SharedData.La311));

    public static List<Dictionary<string, string>> Rows => s_rows.Value;
}
