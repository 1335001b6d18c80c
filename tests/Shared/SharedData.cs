namespace CivicData.Testing;

/// <summary>
/// The real public datasets in ../shared/data next to the repository (or $CIVICDATA_SHARED_DATA); without that
/// folder, the repository's own copies in samples/ serve the same files. Linked into each test project that needs it.
/// </summary>
internal static class SharedData
{
    public static string Root { get; } = Find();

    public static string La311 => Path.Combine(Root, "la-311-2018", "la311_2018_sample.csv");

    public static string Inspections => Path.Combine(Root, "sf-restaurant-inspections", "inspections.csv");

    public static string Businesses => Path.Combine(Root, "sf-restaurant-inspections", "businesses.csv");

    public static string CouncilDistricts => Path.Combine(Root, "la-boundaries", "la_council_districts_2012.geojson");

    public static string NeighborhoodCouncils => Path.Combine(Root, "la-boundaries", "la_neighborhood_councils_2019.geojson");

    public static string CouncilLookup => Path.Combine(Root, "la-boundaries", "la_neighborhood_councils_lookup.csv");

    public static string Violations => Path.Combine(Root, "sf-restaurant-inspections", "violations.csv");

    public static string Legend => Path.Combine(Root, "sf-restaurant-inspections", "legend.csv");

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("CIVICDATA_SHARED_DATA") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CivicData.sln")))
            {
                string shared = Path.Combine(directory.FullName, "..", "shared", "data");
                return Directory.Exists(shared) ? Path.GetFullPath(shared) : Path.Combine(directory.FullName, "samples");
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (CivicData.sln) above " + AppContext.BaseDirectory);
    }
}
