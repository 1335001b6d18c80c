namespace CivicData.Ingest.Tests.Fixtures;

/// <summary>Paths to the real datasets in the shared data folder (see its README.md).</summary>
public static class SharedData
{
    public static string Root { get; } =
        Environment.GetEnvironmentVariable("CIVICDATA_SHARED_DATA") is { Length: > 0 } root ? root : "/work/shared/data";

    public static string La311 => Combine("la-311-2018", "la311_2018_sample.csv");

    public static string NeighborhoodCouncils => Combine("la-boundaries", "la_neighborhood_councils_2019.geojson");

    public static string CouncilDistricts => Combine("la-boundaries", "la_council_districts_2012.geojson");

    public static string CouncilLookup => Combine("la-boundaries", "la_neighborhood_councils_lookup.csv");

    public static string Businesses => Combine("sf-restaurant-inspections", "businesses.csv");

    public static string Inspections => Combine("sf-restaurant-inspections", "inspections.csv");

    public static string Violations => Combine("sf-restaurant-inspections", "violations.csv");

    public static string Legend => Combine("sf-restaurant-inspections", "legend.csv");

    private static string Combine(string folder, string file) => Path.Combine(Root, folder, file);
}
