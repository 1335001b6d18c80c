namespace CivicData.Soql.Tests.Language;

/// <summary>CASE, case(), iif, coalesce, nullif, greatest, least: on DuckDB, expected values by hand.</summary>
public sealed class ConditionalTests(VehiclesEngineFixture db) : IClassFixture<VehiclesEngineFixture>
{
    [Fact]
    public async Task Case_when_takes_the_first_true_branch_and_else_for_nulls()
    {
        List<object?> speeds = await db.ColumnAsync(
            "SELECT CASE WHEN v_max >= 55 THEN 'fast' WHEN v_max >= 48 THEN 'ok' ELSE 'slow' END AS speed");

        Assert.Equal(["fast", "ok", "fast", "slow", "ok", "slow"], speeds);
    }

    [Fact]
    public async Task Case_without_else_is_null_when_nothing_matches()
    {
        Assert.Equal([1d, null, 1d, null, null, null], await db.ColumnAsync("SELECT case when v_max > 52 then 1 end"));
    }

    [Fact]
    public async Task Case_function_and_iif_mean_the_same_as_case_when()
    {
        Assert.Equal(["a", "b", "a", "b", "a", "b"], await db.ColumnAsync("SELECT case(v_max > 50, 'a', true, 'b')"));
        Assert.Equal([1d, 0d, 1d, 0d, 1d, 0d], await db.ColumnAsync("SELECT iif(active, 1, 0)"));
    }

    [Fact]
    public async Task Case_can_filter_and_mixes_numbers_into_a_double()
    {
        Assert.Equal(["Lift", "Buzz", "Red Bike's"], await db.ColumnAsync("SELECT name WHERE CASE WHEN active THEN false ELSE true END"));
        Assert.Equal([0.5d, 48d], await db.ColumnAsync("SELECT case(ratio < 1, ratio, true, v_max) LIMIT 2"));
    }

    [Fact]
    public async Task Coalesce_and_nullif_follow_sql()
    {
        Assert.Equal([55d, 48d, 60d, 0d, 52d, 30d], await db.ColumnAsync("SELECT coalesce(v_max, '0')"));
        Assert.Equal([null, null, "OZONE", "OZONE", "GIN", null], await db.ColumnAsync("SELECT nullif(make, 'APCO')"));
        Assert.Equal(["APCO", "APCO", "OZONE", "OZONE", "GIN", "none"], await db.ColumnAsync("SELECT coalesce(make, null, 'none')"));
    }

    [Fact]
    public async Task Greatest_and_least_ignore_nulls()
    {
        Assert.Equal([55d, 150d, 200d, null, 52d, 400d], await db.ColumnAsync("SELECT greatest(v_max, ratio * 100, null)"));
        Assert.Equal([0.5d, 1.5d, 2d, 7d, 0.25d, 4d], await db.ColumnAsync("SELECT least(ratio, v_max, 7)"));
    }
}
