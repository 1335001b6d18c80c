using System.Collections.Immutable;
using System.Text;
using CivicData.Catalog.Datasets;
using CivicData.Core.Datasets;

namespace CivicData.SideBySide.Generation;

/// <summary>
/// The metadata of a city portal's catalog: the same datasets for the same count on every machine. Each dataset is a
/// subject (skewed, so "inspections" is common and "beekeeping" rare) with a place or a period in its title, a description
/// of a few sentences, one of twelve categories, the department that owns the subject, 3 to 8 of about 150 tags and a
/// licence.
/// </summary>
internal static class CatalogGenerator
{
    private static readonly string[] s_licenses =
    [
        "Public Domain", "Creative Commons Attribution 4.0", "ODC Public Domain Dedication and License (PDDL)",
        "Open Data Commons Attribution License (ODC-By)", "Creative Commons CC0 1.0",
    ];

    private static readonly string[] s_licenseUrls =
    [
        "https://creativecommons.org/publicdomain/mark/1.0/", "https://creativecommons.org/licenses/by/4.0/",
        "https://opendatacommons.org/licenses/pddl/", "https://opendatacommons.org/licenses/by/",
        "https://creativecommons.org/publicdomain/zero/1.0/",
    ];

    private static readonly string[] s_places =
    [
        "Citywide", "by Ward", "by Community Area", "by Police District", "by Census Tract", "by ZIP Code",
        "Downtown", "North Side", "South Side", "West Side", "Lakefront", "by Council District",
    ];

    private static readonly string[] s_periods =
    [
        "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025",
        "Current Year", "Historical", "Last 30 Days", "Year to Date", "2010 to Present", "Monthly Summary",
        "Annual Summary", "Quarterly Report", "Archive",
    ];

    private static readonly string[] s_frequencies = ["daily", "weekly", "monthly", "quarterly", "annually", "as needed", "nightly"];

    private static readonly string[] s_caveats =
    [
        "Locations are rounded to the block to protect privacy.",
        "Records before 2018 came from a legacy system and may be incomplete.",
        "Figures are preliminary until the annual audit is published.",
        "Addresses were geocoded automatically; a small share could not be placed on the map.",
        "Personal information has been removed in line with the city's open data policy.",
        "Amounts are in nominal dollars and are not adjusted for inflation.",
        "Some categories were renamed in 2020; older records keep their original names.",
        "Duplicate reports of the same problem are merged into one record.",
        "",
        "",
    ];

    private static readonly string[] s_generalTags =
    [
        "open data", "annual", "monthly", "historical", "real-time", "geospatial", "ward", "community area", "census",
        "dashboard", "equity", "covid-19",
    ];

    /// <summary>Twelve categories, each with its subjects; a subject names its department and the tags it draws from.</summary>
    private static readonly Category[] s_categories =
    [
        new("Public Safety",
        [
            new("Crimes", "Police", ["crime", "police", "incidents", "public safety", "arrests"]),
            new("Arrests", "Police", ["arrests", "police", "crime", "public safety"]),
            new("Police Stations", "Police", ["police", "facilities", "locations", "public safety"]),
            new("Fire Incidents", "Fire Department", ["fire", "emergency", "incidents", "public safety", "ems"]),
            new("Ambulance Responses", "Fire Department", ["ems", "emergency", "response times", "health"]),
            new("Emergency Calls", "Fire Department", ["911", "emergency", "response times"]),
            new("Use of Force Reports", "Police", ["police", "accountability", "transparency"]),
            new("Traffic Stops", "Police", ["police", "traffic", "stops"]),
        ]),
        new("Transportation",
        [
            new("Traffic Crashes", "Transportation", ["traffic", "crashes", "streets"]),
            new("Parking Citations", "Finance", ["parking", "tickets", "revenue"]),
            new("Bike Lanes", "Transportation", ["bicycles", "streets", "mobility"]),
            new("Bike Share Trips", "Transportation", ["bicycles", "trips", "mobility"]),
            new("Bus Ridership", "Transit Authority", ["transit", "ridership", "mobility"]),
            new("Rail Station Entries", "Transit Authority", ["transit", "rail", "ridership"]),
            new("Traffic Counts", "Transportation", ["traffic", "counts", "streets"]),
            new("Taxi Trips", "Business Affairs", ["taxi", "trips", "mobility"]),
            new("Street Closures", "Transportation", ["streets", "construction", "permits"]),
        ]),
        new("Health",
        [
            new("Food Inspections", "Public Health", ["food", "inspections", "restaurants", "health"]),
            new("Restaurant Inspections", "Public Health", ["restaurants", "inspections", "food", "health"]),
            new("Vaccination Sites", "Public Health", ["vaccines", "clinics", "health", "locations"]),
            new("Birth Records Summary", "Public Health", ["births", "vital statistics", "health"]),
            new("Lead Test Results", "Public Health", ["lead", "children", "health", "environment"]),
            new("Clinic Locations", "Public Health", ["clinics", "health", "locations", "facilities"]),
            new("Mosquito Surveillance", "Public Health", ["mosquitoes", "west nile", "health"]),
            new("Overdose Deaths", "Public Health", ["overdose", "opioids", "health"]),
        ]),
        new("Environment",
        [
            new("Air Quality Readings", "Environment", ["air quality", "sensors", "environment"]),
            new("Street Trees", "Forestry", ["trees", "forestry", "environment"]),
            new("Tree Trimming Requests", "Forestry", ["trees", "forestry", "311", "service requests"]),
            new("Beach Water Quality", "Park District", ["beaches", "water quality", "environment"]),
            new("Energy Benchmarking", "Environment", ["energy", "buildings", "emissions", "climate"]),
            new("Greenhouse Gas Emissions", "Environment", ["emissions", "climate", "energy", "environment"]),
            new("Beekeeping Registrations", "Animal Care and Control", ["bees", "urban agriculture", "registrations"]),
        ]),
        new("Housing and Development",
        [
            new("Building Permits", "Buildings", ["permits", "buildings", "construction", "development"]),
            new("Building Violations", "Buildings", ["violations", "buildings", "inspections", "code enforcement"]),
            new("Demolition Permits", "Buildings", ["permits", "buildings", "development"]),
            new("Affordable Rental Housing", "Housing", ["housing", "rentals", "development"]),
            new("Zoning Changes", "Planning and Development", ["zoning", "land use", "development"]),
            new("Vacant Buildings", "Buildings", ["vacant", "buildings", "code enforcement", "housing"]),
            new("Electrical Permits", "Buildings", ["permits", "buildings", "construction"]),
            new("Evictions Filed", "Housing", ["evictions", "housing", "rentals"]),
        ]),
        new("City Government",
        [
            new("Employee Salaries", "Human Resources", ["salaries", "employees", "transparency"]),
            new("City Council Votes", "City Clerk", ["council", "votes", "transparency"]),
            new("Lobbyist Registrations", "City Clerk", ["lobbyists", "transparency", "registrations"]),
            new("Public Records Requests", "Law", ["foia", "public records", "transparency"]),
            new("City Vehicles", "Finance", ["fleet", "vehicles", "facilities"]),
            new("Board Appointments", "City Clerk", ["boards", "commissions", "appointments"]),
        ]),
        new("Finance",
        [
            new("Payments to Vendors", "Finance", ["payments", "vendors", "spending", "transparency"]),
            new("Contracts Awarded", "Procurement Services", ["contracts", "vendors", "spending"]),
            new("Budget Appropriations", "Budget and Management", ["budget", "spending", "finance"]),
            new("Property Tax Levy", "Finance", ["taxes", "revenue", "finance"]),
            new("Grant Awards", "Budget and Management", ["grants", "finance", "community"]),
            new("Revenue by Source", "Finance", ["revenue", "taxes", "finance"]),
        ]),
        new("Education",
        [
            new("School Locations", "Public Schools", ["schools", "locations", "education", "facilities"]),
            new("School Progress Reports", "Public Schools", ["schools", "performance", "education"]),
            new("Library Visitors", "Public Library", ["libraries", "education", "community"]),
            new("Library Circulation", "Public Library", ["libraries", "books", "education"]),
            new("Summer Youth Programs", "Family and Support Services", ["youth", "summer", "education"]),
        ]),
        new("Parks and Recreation",
        [
            new("Park Facilities", "Park District", ["parks", "facilities", "recreation", "locations"]),
            new("Playgrounds", "Park District", ["parks", "children", "recreation"]),
            new("Public Pools", "Park District", ["pools", "recreation", "summer"]),
            new("Dog Parks", "Park District", ["parks", "dogs", "recreation"]),
            new("Special Events Permits", "Cultural Affairs", ["events", "permits", "culture"]),
            new("Public Art", "Cultural Affairs", ["art", "culture", "locations"]),
        ]),
        new("Sanitation",
        [
            new("Graffiti Removal Requests", "Streets and Sanitation", ["graffiti", "311", "service requests", "sanitation"]),
            new("Garbage Collection Routes", "Streets and Sanitation", ["garbage", "routes", "sanitation"]),
            new("Recycling Tonnage", "Streets and Sanitation", ["recycling", "sanitation", "environment"]),
            new("Rodent Complaints", "Streets and Sanitation", ["rodents", "311", "service requests", "sanitation"]),
            new("Street Sweeping Schedule", "Streets and Sanitation", ["street sweeping", "streets", "sanitation"]),
            new("Pothole Repairs", "Transportation", ["potholes", "streets", "311", "repairs"]),
        ]),
        new("Economic Development",
        [
            new("Business Licenses", "Business Affairs", ["business", "economy", "permits"]),
            new("Small Business Grants", "Planning and Development", ["business", "grants", "economy"]),
            new("Job Training Enrollments", "Family and Support Services", ["jobs", "training", "economy"]),
            new("Tax Increment Financing Districts", "Planning and Development", ["tif", "development", "finance", "economy"]),
            new("Sidewalk Cafe Permits", "Business Affairs", ["permits", "restaurants", "sidewalks", "business"]),
        ]),
        new("Infrastructure",
        [
            new("Water Main Breaks", "Water Management", ["water", "infrastructure", "repairs"]),
            new("Street Light Outages", "Transportation", ["street lights", "311", "infrastructure"]),
            new("Sewer Inspections", "Water Management", ["sewers", "inspections", "infrastructure", "water"]),
            new("Bridge Conditions", "Transportation", ["bridges", "infrastructure", "inspections", "streets"]),
            new("Capital Projects", "Budget and Management", ["capital projects", "infrastructure", "construction", "budget"]),
            new("Sidewalk Repairs", "Transportation", ["sidewalks", "repairs", "streets"]),
        ]),
    ];

    /// <summary>
    /// Every subject with its category, most common first (the order sets the skew): each category's first subject,
    /// then each one's second, and so on, so every category has a common subject and a long tail.
    /// </summary>
    private static readonly (string Category, Subject Subject)[] s_subjects =
    [
        .. s_categories
            .SelectMany(category => category.Subjects.Select((subject, rank) => (Rank: rank, category.Name, Subject: subject)))
            .OrderBy(entry => entry.Rank)
            .Select(entry => (entry.Name, entry.Subject)),
    ];

    /// <summary>Every distinct tag the generator can give, about 150.</summary>
    public static IReadOnlyList<string> AllTags { get; } =
        [.. s_generalTags.Concat(s_subjects.SelectMany(pair => pair.Subject.Tags)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Categories { get; } = [.. s_categories.Select(category => category.Name)];

    public static IReadOnlyList<string> Departments { get; } = [.. s_subjects.Select(pair => pair.Subject.Department).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// <paramref name="count"/> datasets with distinct 4x4 ids that look like a real portal's; the sequence depends
    /// only on the count.
    /// </summary>
    public static IReadOnlyList<(DatasetId Id, DatasetMetadata Metadata)> Generate(int count)
    {
        var random = new SplitMix64(7);
        var subjects = new SkewedChoice<(string Category, Subject Subject)>(s_subjects, 0.9);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var datasets = new List<(DatasetId, DatasetMetadata)>(count);
        while (datasets.Count < count)
        {
            string id = NewId(random);
            if (!ids.Add(id))
            {
                continue;
            }

            (string category, Subject subject) = subjects.Pick(random);
            datasets.Add((DatasetId.Parse(id), Describe(category, subject, random)));
        }

        return datasets;
    }

    private static DatasetMetadata Describe(string category, Subject subject, SplitMix64 random)
    {
        string place = random.Pick(s_places);
        string period = random.Pick(s_periods);
        string title = random.Next(3) switch
        {
            0 => $"{subject.Name} {place}",
            1 => $"{subject.Name} - {period}",
            _ => $"{subject.Name} {place}, {period}",
        };

        string frequency = random.Pick(s_frequencies);
        var description = new StringBuilder();
        description.Append(subject.Name).Append(" published by the ").Append(subject.Department)
            .Append(" department, ").Append(place.StartsWith("by ", StringComparison.Ordinal) ? "summarised " + place : "covering " + place.ToLowerInvariant())
            .Append(". Updated ").Append(frequency).Append("; each row is one record as entered by city staff. ");
        description.Append(random.Pick(s_caveats));
        if (random.Next(4) == 0)
        {
            description.Append(" See the data dictionary attached to this dataset for definitions of every column.");
        }

        int licence = random.Next(s_licenses.Length);
        return new DatasetMetadata
        {
            Title = title,
            Description = description.ToString().Trim(),
            Category = category,
            Department = subject.Department,
            Tags = PickTags(subject, random),
            License = s_licenses[licence],
            LicenseUrl = s_licenseUrls[licence],
            Attribution = "City of Lakeside, " + subject.Department,
            ContactEmail = "opendata@lakeside.example",
        };
    }

    /// <summary>3 to 8 distinct tags: most from the subject, the rest general ones.</summary>
    private static ImmutableArray<string> PickTags(Subject subject, SplitMix64 random)
    {
        int wanted = 3 + random.Next(6);
        var tags = new List<string>(wanted);
        int fromSubject = Math.Min(subject.Tags.Length, 2 + random.Next(3));
        foreach (string tag in subject.Tags.OrderBy(_ => random.Next()).Take(fromSubject))
        {
            tags.Add(tag);
        }

        while (tags.Count < wanted)
        {
            string tag = random.Pick(s_generalTags);
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return [.. tags];
    }

    private static string NewId(SplitMix64 random)
    {
        const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        Span<char> chars = stackalloc char[9];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = i == 4 ? '-' : Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    private sealed record Category(string Name, Subject[] Subjects);

    private sealed record Subject(string Name, string Department, string[] Tags);
}
