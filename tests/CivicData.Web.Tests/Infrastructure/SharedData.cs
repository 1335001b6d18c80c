namespace CivicData.Web.Tests.Infrastructure;

/// <summary>The real data sets in the workspace's shared folder (../shared/data next to the repository).</summary>
public static class SharedData
{
    public static string Directory { get; } = Locate();

    public static string La311Csv => Path.Combine(Directory, "la-311-2018", "la311_2018_sample.csv");

    public static string SfInspectionsCsv => Path.Combine(Directory, "sf-restaurant-inspections", "inspections.csv");

    public static string SfLegendCsv => Path.Combine(Directory, "sf-restaurant-inspections", "legend.csv");

    public static string CouncilDistrictsGeoJson => Path.Combine(Directory, "la-boundaries", "la_council_districts_2012.geojson");

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("CIVICDATA_SHARED_DATA") is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CivicData.sln")))
            {
                string candidate = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data"));
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the shared data folder (../shared/data beside CivicData.sln); set CIVICDATA_SHARED_DATA.");
    }
}
