namespace CivicData.Soql.Tests.Language;

/// <summary>soda.md §6.8 functions run on DuckDB; every expected value is worked out by hand from the fixture rows.</summary>
public sealed class FunctionTests(VehiclesEngineFixture db) : IClassFixture<VehiclesEngineFixture>
{
    private const string Karma = " WHERE name = 'Karma'";

    [Fact]
    public async Task Text_tests_are_case_sensitive_unless_caseless()
    {
        Assert.Equal([[true, false, true, false, true, true, false]], await db.RunAsync(
            "SELECT starts_with(name, 'Ka'), starts_with(name, 'ka'), contains(name, 'arm'), contains(name, 'ARM'), "
            + "caseless_starts_with(name, 'kA'), caseless_contains(name, 'ARM'), caseless_ne(make, 'apco')" + Karma));
        Assert.Equal(["Karma", "Lift"], await db.ColumnAsync("SELECT name WHERE caseless_eq(make, 'apco')"));
        Assert.Equal(["Karma", "Lift", "Bolero"], await db.ColumnAsync("SELECT name WHERE caseless_one_of(make, 'apco', 'Gin')"));
        Assert.Equal(["Rush", "Buzz"], await db.ColumnAsync("SELECT name WHERE caseless_not_one_of(make, 'apco', 'Gin')"));
    }

    [Fact]
    public async Task Text_functions_slice_pad_and_replace()
    {
        Assert.Equal([[5d, "arma", "arm", "apco.example", "K4rm4", "x", "x ", " x", "**Karma", "Kar", "A", "Cafe"]], await db.RunAsync(
            "SELECT length(name), substring(name, 2), substring(name, 2, 3), split_part(website, '/', 3), replace(name, 'a', '4'), "
            + "trim(' x '), trim_leading(' x '), trim_trailing(' x '), left_pad(name, 7, '*'), right_pad(name, 3, '*'), chr(65), unaccent('Café')"
            + Karma));
        Assert.Equal([10d], await db.ColumnAsync("SELECT length(name) WHERE make IS NULL"));
        Assert.Equal([""], await db.ColumnAsync("SELECT split_part(name, 'a', 9)" + Karma));
    }

    [Fact]
    public async Task Numeric_functions_round_half_away_from_zero()
    {
        Assert.Equal([[55d, 1d, 1200d, 1201d, 1200.5d, -3d, 3d, 0d]], await db.RunAsync(
            "SELECT abs(0 - v_max), ceil(ratio), floor(price), round(price, 0), round(price, 1), round(-2.5), round(2.5), ln(1)" + Karma));
    }

    [Fact]
    public async Task Magnitudes_and_buckets_follow_the_spec()
    {
        Assert.Equal([[4d, -1d, 0d, 1d, 2d, -3d]], await db.RunAsync(
            "SELECT signed_magnitude_10(price), signed_magnitude_10(-1), signed_magnitude_10(0), signed_magnitude_10(0.5), "
            + "signed_magnitude_linear(price, 1000), signed_magnitude_linear(-25, 10)" + Karma));
        Assert.Equal([6d, 5d, 7d, null, 6d, 4d], await db.ColumnAsync("SELECT width_bucket(v_max, 0, 100, 10)"));
        Assert.Equal([[0d, 11d]], await db.RunAsync("SELECT width_bucket(-1, 0, 100, 10), width_bucket(100, 0, 100, 10)" + Karma));
    }

    [Fact]
    public async Task Ln_of_zero_fails_at_run_time()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => db.RunAsync("SELECT ln(v_max - 55)" + Karma));
    }

    [Fact]
    public async Task Date_extracts_use_postgresql_numbering()
    {
        // 2012-08-01 09:30 is a Wednesday in ISO week 31.
        Assert.Equal([[2012d, 8d, 1d, 9d, 30d, 0d, 3d, 31d, 2012d]], await db.RunAsync(
            "SELECT date_extract_y(available), date_extract_m(available), date_extract_d(available), date_extract_hh(available), "
            + "date_extract_mm(available), date_extract_ss(available), date_extract_dow(available), date_extract_woy(available), "
            + "date_extract_iso_y(available)" + Karma));
        Assert.Equal([2.5d], await db.ColumnAsync("SELECT date_extract_ss('2012-01-01T00:00:02.5'::floating_timestamp)" + Karma));
    }

    [Fact]
    public async Task Date_differences_truncate_toward_zero()
    {
        // From 2012-08-01 09:30 to 2012-08-10 00:00 is 8 days 14.5 hours.
        Assert.Equal([[8d, -8d]], await db.RunAsync("SELECT date_diff_d('2012-08-10', available), date_diff_d(available, '2012-08-10')" + Karma));
    }

    [Fact]
    public async Task Periods_move_timestamps_by_calendar_then_clock()
    {
        Assert.Equal([[new DateTime(2012, 9, 3, 12, 30, 0), new DateTime(2012, 8, 1, 10, 0, 0), new DateTime(2012, 7, 31, 9, 30, 0)]], await db.RunAsync(
            "SELECT date_add(available, 'P1M2DT3H'), available + 'PT30M', available - 'P1D'" + Karma));
        Assert.Equal(["Lift", "Bolero", "Red Bike's"], await db.ColumnAsync("SELECT name WHERE available + 'P1W' > '2012-08-20' AND available < '2013-01-01'"));
    }

    [Fact]
    public async Task Zones_convert_fixed_timestamps_to_local_time()
    {
        // 2012-08-02 10:00Z is 06:00 in New York (EDT) and 19:00 in Tokyo.
        Assert.Equal([[
            new DateTime(2012, 8, 2), new DateTime(2012, 8, 2, 19, 0, 0), new DateTime(2012, 8, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2012, 1, 1), 1343901600d]], await db.RunAsync(
            "SELECT date_trunc_ymd(inspected, 'America/New_York'), to_floating_timestamp(inspected, 'Asia/Tokyo'), datez_trunc_ym(inspected), "
            + "date_trunc_y(inspected, 'UTC'), epoch_seconds(inspected)" + Karma));
        Assert.Equal([6d], await db.ColumnAsync("SELECT count(*) WHERE get_utc_date() > '2020-01-01T00:00:00Z'"));
    }

    [Fact]
    public async Task Statistical_aggregates_match_hand_computation()
    {
        // v_max 55, 48, 60, 52, 30: mean 49, squared deviations sum 528.
        object?[] row = (await db.RunAsync(
            "SELECT stddev_pop(v_max), stddev_samp(v_max), median(v_max), regr_slope(price, v_max), regr_intercept(price, v_max), "
            + "regr_r2(price, v_max), median(name)"))[0];

        Assert.Equal(Math.Sqrt(528 / 5d), (double)row[0]!, 9);
        Assert.Equal(Math.Sqrt(528 / 4d), (double)row[1]!, 9);
        Assert.Equal(52d, row[2]);
        Assert.Equal(40.441287878787875, (double)row[3]!, 9);
        Assert.Equal(-991.523106060606, (double)row[4]!, 6);
        Assert.Equal(0.9900627395503488, (double)row[5]!, 9);
        Assert.Equal("Karma", row[6]);
    }

    [Fact]
    public async Task Median_of_an_even_count_interpolates()
    {
        Assert.Equal([[53.5d]], await db.RunAsync("SELECT median(v_max) WHERE v_max > 40"));
    }

    [Fact]
    public async Task Numbers_cast_to_text_without_a_trailing_zero()
    {
        Assert.Equal([["55", "0.5", "1200.5", "12", "2012-08-01T00:00:00.000"]], await db.RunAsync(
            "SELECT v_max::text, ratio::text, price::text, '12'::number::text, available::date::text" + Karma));
        Assert.Equal(["Karma"], await db.ColumnAsync("SELECT name WHERE v_max::text = '55'"));
    }

    [Fact]
    public async Task Casts_between_text_url_and_points()
    {
        Assert.Equal([["http://apco.example/karma", "http://apco.example/karma", true]], await db.RunAsync(
            "SELECT website::text, 'http://apco.example/karma'::url, 'true'::boolean" + Karma));
    }

    [Fact]
    public async Task Distance_in_meters_is_haversine_on_the_mean_earth_sphere()
    {
        double metres = (double)(await db.ColumnAsync("SELECT distance_in_meters(location, 'POINT (34.8926 32.50578)') WHERE name = 'Lift'"))[0]!;

        Assert.InRange(metres, 47900, 47902.5);
    }
}
