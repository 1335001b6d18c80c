using System.Globalization;
using System.Text;

namespace CivicData.SideBySide.Generation;

/// <summary>
/// Writes a realistic 311 service-request table as CSV: the same rows for the same count on every machine. Request
/// types and neighbourhoods are skewed, some requests are still open (no close time), a few have no location, and the
/// descriptions carry the quotes, commas and newlines that real free text does.
/// </summary>
internal static class ServiceRequestGenerator
{
    public const string Header = "case_id,opened,closed,status,request_type,department,district,neighborhood,address,latitude,longitude,description";

    /// <summary>Opening times fall in these three years; W2 filters on the first half of 2024.</summary>
    public static readonly DateTime FirstOpened = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private const int OpenedSpanSeconds = 1095 * 24 * 3600;

    // A city's bounding box (Chicago's), so the points look like real ones on a map.
    private const double SouthLatitude = 41.6445, NorthLatitude = 42.0230, WestLongitude = -87.9401, EastLongitude = -87.5240;

    private static readonly string[] s_requestTypes =
    [
        "Graffiti Removal", "Pothole in Street", "Street Light Out", "Garbage Cart Maintenance", "Rodent Baiting",
        "Tree Trim", "Abandoned Vehicle", "Sanitation Code Violation", "Bulky Item Pickup", "Alley Light Out",
        "Water On Street", "Sewer Cleaning", "Tree Debris", "Dead Animal Pickup", "Weed Removal", "Building Violation",
        "Noise Complaint", "Traffic Signal Out", "Sign Repair", "Sidewalk Repair", "Illegal Dumping", "Fly Dumping",
        "Recycling Pickup", "Snow Removal", "Ice on Sidewalk", "Street Cleaning", "Catch Basin Clogged",
        "Fire Hydrant Leak", "Water Main Break", "No Water", "Low Water Pressure", "Tree Planting", "Tree Removal",
        "Park Maintenance", "Playground Repair", "Homeless Encampment", "Stray Animal", "Animal Bite",
        "Restaurant Complaint", "Vacant Building", "Blocked Driveway", "Parking Meter Broken", "Bike Lane Obstruction",
        "Bus Stop Shelter Damage", "Curb Repair", "Manhole Cover Missing", "Street Sign Missing", "Viaduct Light Out",
        "Lead Pipe Inquiry", "Mosquito Spraying", "Bed Bug Report", "Mold Complaint", "Heat Complaint",
        "Smoke Detector Request", "Recycling Cart Request", "Compost Pickup", "Yard Waste Pickup", "E-Waste Pickup",
        "Shopping Cart Pickup", "Other City Service",
    ];

    private static readonly string[] s_departments =
    [
        "Streets and Sanitation", "Transportation", "Water Management", "Buildings", "Public Health",
        "Animal Care and Control", "Forestry", "Business Affairs",
    ];

    private static readonly string[] s_neighborhoodBases =
    [
        "Lakeview", "Hyde Park", "Pilsen", "Austin", "Uptown", "Bridgeport", "Beverly", "Edgewater", "Garfield",
        "Hegewisch", "Irving Park", "Jefferson", "Kenwood", "Lincoln Square", "Morgan Park", "Norwood", "Oakland",
        "Portage", "Riverdale", "Roseland", "Ravenswood", "Woodlawn", "Avondale", "Chatham", "Dunning",
    ];

    private static readonly string[] s_streets =
    [
        "MAIN ST", "STATE ST", "HALSTED ST", "ASHLAND AVE", "WESTERN AVE", "CICERO AVE", "PULASKI RD", "KEDZIE AVE",
        "DAMEN AVE", "CLARK ST", "BROADWAY", "SHERIDAN RD", "MADISON ST", "ROOSEVELT RD", "CERMAK RD", "IRVING PARK RD",
    ];

    private static readonly string[] s_phrases =
    [
        "caller reports", "large pothole", "near the corner", "in front of the school", "behind the building",
        "for two weeks", "again", "very dangerous at night", "blocking the alley", "next to the bus stop",
        "across from the park", "resident says", "urgent", "second request", "crew requested", "see photo",
        "left on the curb", "by the hydrant", "under the viaduct", "on the parkway",
    ];

    private static readonly string[] s_neighborhoods = BuildNeighborhoods();

    /// <summary>Writes <paramref name="rows"/> rows to <paramref name="path"/> unless an identical file is already there.</summary>
    public static void WriteIfMissing(string path, long rows)
    {
        if (File.Exists(path) && File.Exists(path + ".done"))
        {
            return;
        }

        string partial = path + ".partial";
        using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(false), 1 << 20))
        {
            Write(writer, rows);
        }

        File.Move(partial, path, overwrite: true);
        File.WriteAllText(path + ".done", rows.ToString(CultureInfo.InvariantCulture));
    }

    public static void Write(TextWriter writer, long rows)
    {
        var random = new SplitMix64(311);
        var types = new SkewedChoice<string>(s_requestTypes, 1.1);
        var neighborhoods = new SkewedChoice<string>(s_neighborhoods, 0.8);
        var description = new StringBuilder(256);
        writer.NewLine = "\n";
        writer.WriteLine(Header);
        for (long row = 1; row <= rows; row++)
        {
            DateTime opened = FirstOpened.AddSeconds(random.Next(OpenedSpanSeconds));
            string status = PickStatus(random);
            int typeIndex = types.PickIndex(random);

            writer.Write("SR");
            writer.Write(row.ToString("D9", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(opened.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            writer.Write(',');
            if (status is "Closed" or "Cancelled")
            {
                writer.Write(opened.AddSeconds(600 + random.Next(30 * 24 * 3600)).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            }

            writer.Write(',');
            writer.Write(status);
            writer.Write(',');
            writer.Write(s_requestTypes[typeIndex]);
            writer.Write(',');
            writer.Write(s_departments[typeIndex % s_departments.Length]);
            writer.Write(',');
            writer.Write((1 + random.Next(15)).ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(neighborhoods.Pick(random));
            writer.Write(',');
            writer.Write((100 + random.Next(9900)).ToString(CultureInfo.InvariantCulture));
            writer.Write(' ');
            writer.Write("NSEW"[random.Next(4)]);
            writer.Write(' ');
            writer.Write(random.Pick(s_streets));
            writer.Write(',');
            if (random.Next(100) != 0)
            {
                double latitude = SouthLatitude + (random.NextDouble() * (NorthLatitude - SouthLatitude));
                double longitude = WestLongitude + (random.NextDouble() * (EastLongitude - WestLongitude));
                writer.Write(latitude.ToString("F6", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(longitude.ToString("F6", CultureInfo.InvariantCulture));
            }
            else
            {
                writer.Write(',');
            }

            writer.Write(',');
            WriteDescription(writer, random, description);
            writer.Write('\n');
        }
    }

    private static string PickStatus(SplitMix64 random) => random.Next(100) switch
    {
        < 74 => "Closed",
        < 86 => "Open",
        < 94 => "In Progress",
        < 97 => "Pending",
        _ => "Cancelled",
    };

    /// <summary>20–200 characters; about one in five has a comma, one in ten quotes, one in thirty a line break.</summary>
    private static void WriteDescription(TextWriter writer, SplitMix64 random, StringBuilder text)
    {
        text.Clear();
        int length = 20 + random.Next(181);
        while (text.Length < length)
        {
            if (text.Length > 0)
            {
                int separator = random.Next(100);
                text.Append(separator switch
                {
                    < 20 => ", ",
                    < 23 => "\n",
                    _ => " ",
                });
            }

            if (random.Next(10) == 0)
            {
                text.Append('"').Append(random.Pick(s_phrases)).Append('"');
            }
            else
            {
                text.Append(random.Pick(s_phrases));
            }
        }

        text.Length = length;
        while (text.Length > 0 && char.IsWhiteSpace(text[^1]))
        {
            text.Length--;
        }

        writer.Write('"');
        writer.Write(text.Replace("\"", "\"\"").ToString());
        writer.Write('"');
    }

    private static string[] BuildNeighborhoods()
    {
        string[] quarters = ["North", "South", "East", "West"];
        return [.. s_neighborhoodBases.SelectMany(name => quarters.Select(quarter => quarter + " " + name))];
    }
}
