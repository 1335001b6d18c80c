using CivicData.Soql.Tests.Engines;

namespace CivicData.Soql.Tests.Language;

/// <summary>SELECT DISTINCT, |&gt; chains, comments, double-quoted strings and field access, run on DuckDB.</summary>
public sealed class QueryShapeLanguageTests(VehiclesEngineFixture db) : IClassFixture<VehiclesEngineFixture>
{
    [Fact]
    public async Task Select_distinct_returns_each_value_once_in_value_order()
    {
        Assert.Equal(["APCO", "GIN", "OZONE", null], await db.ColumnAsync("SELECT DISTINCT make"));
        Assert.Equal(["APCO", "GIN", "OZONE", null], [.. (await db.RunAsync(new SoqlRequest { Select = "distinct make" })).Select(row => row[0])]);
    }

    [Fact]
    public async Task Select_distinct_orders_by_the_requested_keys_then_the_rest()
    {
        IReadOnlyList<object?[]> rows = await db.RunAsync("SELECT DISTINCT make, active ORDER BY make DESC");

        Assert.Equal(
            [[null, false], ["OZONE", true], ["OZONE", null], ["GIN", true], ["APCO", false], ["APCO", true]],
            rows);
    }

    [Fact]
    public async Task Distinct_aggregate_rows_are_deduplicated()
    {
        Assert.Equal([[1d], [2d]], await db.RunAsync("SELECT DISTINCT count(*) GROUP BY make"));
    }

    [Fact]
    public async Task Count_distinct_function_counts_distinct_non_null_values()
    {
        Assert.Equal([[3d, 3d]], await db.RunAsync("SELECT count_distinct(make), count(DISTINCT make)"));
    }

    [Fact]
    public async Task A_chained_stage_sees_the_previous_output_by_alias()
    {
        Assert.Equal([["APCO", 2d], ["OZONE", 2d]],
            await db.RunAsync("SELECT make, count(*) AS n GROUP BY make |> SELECT make, n WHERE n > 1"));
    }

    [Fact]
    public async Task A_chained_stage_filters_the_previous_limited_result()
    {
        // Top three by speed, nulls first when descending: Buzz, Rush, Karma; then only those under 60.
        Assert.Equal(["Karma"], await db.ColumnAsync("SELECT name, v_max ORDER BY v_max DESC LIMIT 3 |> SELECT name WHERE v_max < 60"));
    }

    [Fact]
    public async Task A_chained_stage_keeps_the_previous_order_unless_it_orders()
    {
        Assert.Equal(["Bolero", "Buzz", "Karma"], await db.ColumnAsync("SELECT name ORDER BY name |> SELECT name LIMIT 3"));
        Assert.Equal([["Rush", 121d], ["Karma", 111d]], await db.RunAsync(
            "SELECT name, v_max * 2 AS twice |> SELECT name, twice + 1 AS x ORDER BY x DESC NULL LAST LIMIT 2"));
        Assert.Equal([[2d]], await db.RunAsync("SELECT make WHERE make IS NOT NULL |> SELECT count(*) WHERE make = 'APCO' |> SELECT *"));
    }

    [Fact]
    public async Task Comments_and_double_quoted_strings_are_understood()
    {
        Assert.Equal(["Rush"], await db.ColumnAsync("SELECT name -- the name\nWHERE /* fast ones */ v_max > 55"));
        Assert.Equal(["Red Bike's"], await db.ColumnAsync("SELECT name WHERE name = \"Red Bike's\""));
        Assert.Equal(["Karma"], await db.ColumnAsync("SELECT name WHERE starts_with(name, \"\\u004Ba\")"));
    }

    [Fact]
    public async Task Field_access_reads_points_urls_and_timestamps()
    {
        IReadOnlyList<object?[]> rows = await db.RunAsync(
            "SELECT location.latitude, location.longitude, website.url, website.description, available.year, available.month, "
            + "available.day, available.hour, available.minute, available.second, available.dow, available.date WHERE name = 'Karma'");

        Assert.Equal([[32.50578, 34.8926, "http://apco.example/karma", null, 2012d, 8d, 1d, 9d, 30d, 0d, 3d, new DateTime(2012, 8, 1)]], rows);
    }

    [Fact]
    public async Task Field_access_works_in_where_and_order()
    {
        Assert.Equal(["Bolero", "Lift", "Karma"], await db.ColumnAsync("SELECT name WHERE location.latitude > 0 ORDER BY location.longitude"));
    }

    [Fact]
    public async Task Select_items_may_use_earlier_aliases()
    {
        Assert.Equal([[110d, 111d]], await db.RunAsync("SELECT v_max * 2 AS d, d + 1 AS e WHERE name = 'Karma'"));
    }

    [Fact]
    public async Task Point_literals_are_coerced_and_cast()
    {
        Assert.Equal([new TestPoint(1, 2)], await db.ColumnAsync("SELECT 'POINT (1 2)'::point LIMIT 1"));
        Assert.Equal(["Karma"], await db.ColumnAsync("SELECT name WHERE distance_in_meters(location, 'point(34.8926 32.50578)') < 1"));
    }
}
