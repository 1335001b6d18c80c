using CivicData.Soql.Tests.Engines;

namespace CivicData.Soql.Tests.Execution;

/// <summary>
/// The hand-written rows of <see cref="Support.TestSchema.Vehicles"/> every engine loads, as canonical values
/// (<see cref="IQueryEngine"/>): <c>:id</c>, <c>:seq</c>, <c>:created_at</c>, <c>:updated_at</c>, then the user columns
/// in schema order. In load order (<c>:seq</c>), and deliberately not in <c>:id</c> order, so the default order is
/// visibly <c>:seq</c>.
/// </summary>
public static class VehicleRows
{
    public static IReadOnlyList<object?[]> All { get; } =
    [
        ["row-3", 1L, Utc(2020, 1, 1), Utc(2020, 1, 3),
            "APCO", "Karma", 55d, 1200.5d, 0.5d, new DateTime(2012, 8, 1, 9, 30, 0), Utc(2012, 8, 2, 10), true,
            new TestPoint(34.8926, 32.50578), "http://apco.example/karma", null],
        ["row-1", 2L, Utc(2020, 1, 1), Utc(2020, 1, 1),
            "APCO", "Lift", 48d, 900d, 1.5d, new DateTime(2012, 8, 15), null, false,
            new TestPoint(34.7818, 32.0853), null, null],
        ["row-2", 3L, Utc(2020, 1, 2), Utc(2020, 1, 2),
            "OZONE", "Rush", 60d, 1500d, 2.0d, new DateTime(2013, 1, 10), Utc(2013, 1, 11, 8), true,
            null, "http://ozone.example", null],
        ["row-5", 4L, Utc(2020, 1, 2), Utc(2020, 1, 2),
            "OZONE", "Buzz", null, null, null, null, null, null, null, null, null],
        ["row-4", 5L, Utc(2020, 1, 3), Utc(2020, 1, 4),
            "GIN", "Bolero", 52d, 1100d, 0.25d, new DateTime(2012, 9, 3), Utc(2012, 9, 3, 12), true,
            new TestPoint(-122.3321, 47.6062), null, null],
        ["row-6", 6L, Utc(2020, 1, 3), Utc(2020, 1, 3),
            null, "Red Bike's", 30d, 250d, 4.0d, new DateTime(2012, 8, 20), null, false,
            null, null, null],
    ];

    private static DateTime Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);
}
