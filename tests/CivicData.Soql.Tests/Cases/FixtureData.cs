using System.Globalization;
using System.Text;
using CivicData.Core.Schema;
using CivicData.Soql.Tests.Engines;
using CivicData.Soql.Tests.Reference;

namespace CivicData.Soql.Tests.Cases;

/// <summary>
/// The case table's fixture data: a deterministic slice of the real LA 311 sample (every 33rd of its 10,000 rows, 300
/// rows) with typed columns, and a small hand-written table of awkward values (unicode, quotes, negatives, ties, nulls).
/// </summary>
public static class FixtureData
{
    public static TableSchema La311Schema { get; } = new("la311_cases",
    [
        new ColumnSchema(1, "sr_number", "SR Number", SodaType.Text, 1),
        new ColumnSchema(2, "created_date", "Created", SodaType.FloatingTimestamp, 2),
        new ColumnSchema(3, "closed_date", "Closed", SodaType.FloatingTimestamp, 3),
        new ColumnSchema(4, "service_date", "Service date", SodaType.FloatingTimestamp, 4),
        new ColumnSchema(5, "owner", "Owner", SodaType.Text, 5),
        new ColumnSchema(6, "request_type", "Request type", SodaType.Text, 6),
        new ColumnSchema(7, "status", "Status", SodaType.Text, 7),
        new ColumnSchema(8, "request_source", "Source", SodaType.Text, 8),
        new ColumnSchema(9, "mobile_os", "Mobile OS", SodaType.Text, 9),
        new ColumnSchema(10, "anonymous", "Anonymous", SodaType.Checkbox, 10),
        new ColumnSchema(11, "address", "Address", SodaType.Text, 11),
        new ColumnSchema(12, "zip_code", "ZIP", SodaType.Number, 12),
        new ColumnSchema(13, "latitude", "Latitude", SodaType.Number, 13),
        new ColumnSchema(14, "longitude", "Longitude", SodaType.Number, 14),
        new ColumnSchema(15, "location", "Location", SodaType.Point, 15),
        new ColumnSchema(16, "cd", "Council district", SodaType.Number, 16),
        new ColumnSchema(17, "nc", "Neighborhood council", SodaType.Number, 17),
        new ColumnSchema(18, "nc_name", "NC name", SodaType.Text, 18),
        new ColumnSchema(19, "police_precinct", "Precinct", SodaType.Text, 19),
    ]);

    public static TableSchema ThingsSchema { get; } = new("things_cases",
    [
        new ColumnSchema(1, "label", "Label", SodaType.Text, 1),
        new ColumnSchema(2, "qty", "Qty", SodaType.Number, 2),
        new ColumnSchema(3, "ratio", "Ratio", SodaType.Double, 3),
        new ColumnSchema(4, "ok", "Ok", SodaType.Checkbox, 4),
        new ColumnSchema(5, "at", "At", SodaType.FloatingTimestamp, 5),
        new ColumnSchema(6, "kind", "Kind", SodaType.Text, 6),
    ]);

    public static RefTable La311 { get; } = new(La311Schema, LoadLa311());

    public static RefTable Things { get; } = new(ThingsSchema,
    [
        ["apple", 3.0, 0.5, true, new DateTime(2018, 1, 1, 8, 0, 0), "fruit"],
        ["Apple", 3.0, 1.25, false, new DateTime(2018, 1, 1, 8, 0, 0), "fruit"],
        ["banana", -2.0, -0.75, true, new DateTime(2017, 12, 31, 23, 59, 59), "fruit"],
        ["O'Brien's \"best\"", 0.0, 0.0, null, new DateTime(2018, 2, 28, 12, 30, 0), "name"],
        ["", 10.5, 2.5, false, null, "empty"],
        [null, null, null, null, null, null],
        ["crème brûlée", 7.25, 3.0, true, new DateTime(2018, 3, 1, 0, 0, 0), "dessert"],
        ["Ünïcödé ✓", -7.25, -3.0, false, new DateTime(2016, 7, 4, 9, 15, 30, 250), "name"],
        ["50% off_sale", 50.0, 0.5, true, new DateTime(2018, 1, 1, 8, 0, 0), "promo"],
        ["back\\slash", 1e6, 1e-3, null, new DateTime(2019, 12, 31, 0, 0, 0), "name"],
        ["zebra", 3.0, null, true, new DateTime(2018, 1, 1, 8, 0, 0), null],
        ["\u65e5\u672c", -0.5, 0.25, false, new DateTime(2018, 6, 15, 18, 45, 0), "name"],
    ]);

    /// <summary>Every 33rd row of the LA 311 sample, 300 in all, read with the tests' own CSV reader.</summary>
    private static List<object?[]> LoadLa311() =>
    [
        .. TestCsv.Read(SharedData.La311).Where((_, index) => index % 33 == 0).Take(300).Select(f =>
        {
            double? lat = Number(f["Latitude"]);
            double? lon = Number(f["Longitude"]);
            return new object?[]
            {
                f["SRNumber"],
                Time(f["CreatedDate"]),
                Time(f["ClosedDate"]),
                Time(f["ServiceDate"]),
                Text(f["Owner"]),
                Text(f["RequestType"]),
                Text(f["Status"]),
                Text(f["RequestSource"]),
                Text(f["MobileOS"]),
                f["Anonymous"] switch { "Y" => true, "N" => false, _ => null },
                Text(f["Address"]),
                Number(f["ZipCode"]),
                lat,
                lon,
                lat is { } y && lon is { } x ? new TestPoint(x, y) : null,
                Number(f["CD"]),
                Number(f["NC"]),
                Text(f["NCName"]),
                Text(f["PolicePrecinct"]),
            };
        }),
    ];

    private static string? Text(string value) => value.Length == 0 ? null : value;

    private static double? Number(string value) => value.Length == 0 ? null : double.Parse(value, CultureInfo.InvariantCulture);

    private static DateTime? Time(string value) => value.Length == 0
        ? null
        : DateTime.ParseExact(value, "MM/dd/yyyy hh:mm:ss tt", CultureInfo.InvariantCulture);
}
