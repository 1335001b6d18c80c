using System.Globalization;
using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Soql.Tests.Engines;
using CivicData.Soql.Tests.Injection;
using CivicData.Soql.Tests.Support;

namespace CivicData.Soql.Tests.Execution;

/// <summary>
/// Compiled queries run on a real engine against the hand-written <see cref="VehicleRows"/>; expected values by hand,
/// the same for every engine. Each engine's sealed subclass only supplies its fixture (style.md §6).
/// </summary>
public abstract class QueryConformanceTests(IExecutionFixture engine)
{
    [Fact]
    public async Task Default_query_returns_user_columns_in_load_order_as_canonical_values()
    {
        CompiledQuery query = Compile(new SoqlRequest());

        IReadOnlyList<object?[]> rows = await engine.QueryAsync(query);

        Assert.Equal(["Karma", "Lift", "Rush", "Buzz", "Bolero", "Red Bike's"], rows.Select(row => row[1]));
        object?[] karma = rows[0];
        Assert.Equal(query.Columns.Length, karma.Length);
        Assert.Equal("APCO", karma[0]);
        Assert.Equal(55d, karma[2]);
        Assert.Equal(1200.5d, karma[3]);
        Assert.Equal(new DateTime(2012, 8, 1, 9, 30, 0), karma[5]);
        Assert.Equal(true, karma[7]);
        Assert.Equal(new TestPoint(34.8926, 32.50578), karma[8]);
        Assert.Equal("http://apco.example/karma", karma[9]);
    }

    [Fact]
    public async Task Text_equality_is_case_sensitive()
    {
        Assert.Empty(await NamesAsync(new SoqlRequest { Where = "make = 'apco'" }));
        Assert.Equal(["Karma", "Lift"], await NamesAsync(new SoqlRequest { Where = "upper(make) = 'APCO'" }));
        Assert.Equal(["Karma", "Lift"], await NamesAsync(new SoqlRequest { Where = "lower(make) = 'apco'" }));
    }

    [Fact]
    public async Task Text_literals_coerce_to_numbers_and_timestamps()
    {
        Assert.Equal(["Karma", "Rush", "Bolero"], await NamesAsync(new SoqlRequest { Where = "v_max > '50'" }));
        Assert.Equal(["Rush"], await NamesAsync(new SoqlRequest { Where = "available > '2013-01-01'" }));
        Assert.Equal(["Rush"], await NamesAsync(new SoqlRequest { Where = "inspected >= '2013-01-11T08:00:00Z'" }));
        Assert.Equal(["Karma", "Rush", "Bolero"], await NamesAsync(new SoqlRequest { Where = "active = 'true'" }));
    }

    [Fact]
    public async Task Predicates_in_between_like_and_null_filter_as_documented()
    {
        Assert.Equal(["Karma", "Rush"], await NamesAsync(new SoqlRequest { Where = "name IN ('Karma', 'Rush', 'karma')" }));
        Assert.Equal(["Lift", "Bolero"], await NamesAsync(new SoqlRequest { Where = "name NOT IN ('Karma', 'Rush') AND v_max BETWEEN 40 AND 52" }));
        Assert.Equal(["Karma", "Rush", "Bolero", "Red Bike's"], await NamesAsync(new SoqlRequest { Where = "v_max NOT BETWEEN 45 AND 50" }));
        Assert.Equal(["Buzz", "Bolero"], await NamesAsync(new SoqlRequest { Where = "name LIKE 'B%'" }));
        Assert.Empty(await NamesAsync(new SoqlRequest { Where = "name LIKE 'b%'" }));
        Assert.Equal(["Karma", "Lift", "Rush", "Buzz", "Red Bike's"], await NamesAsync(new SoqlRequest { Where = "name NOT LIKE 'B_%o'" }));
        Assert.Equal(["Buzz"], await NamesAsync(new SoqlRequest { Where = "v_max IS NULL" }));
        Assert.Equal(["Red Bike's"], await NamesAsync(new SoqlRequest { Where = "make IS NULL" }));
        Assert.Equal(["Karma", "Lift", "Rush", "Bolero"], await NamesAsync(new SoqlRequest { Where = "make != 'OZONE' OR v_max > 59" }));
    }

    [Fact]
    public async Task Arithmetic_and_concatenation_compute_in_sql()
    {
        IReadOnlyList<object?[]> rows = await RunAsync(new SoqlRequest
        {
            Select = "v_max * 2 + 1 AS doubled, -ratio, v_max % 7, 2 ^ 3 ^ 2, make || '/' || name AS label",
            Where = "name = 'Karma'",
        });

        Assert.Equal([[111d, -0.5d, 6d, 512d, "APCO/Karma"]], rows);
    }

    [Fact]
    public async Task Casts_convert_values()
    {
        IReadOnlyList<object?[]> rows = await RunAsync(new SoqlRequest
        {
            Select = "v_max::text, '12.5'::number + 1, available::text, inspected::text, 'true'::checkbox",
            Where = "name = 'Karma'",
        });

        Assert.Equal([["55", 13.5d, "2012-08-01T09:30:00.000", "2012-08-02T10:00:00.000Z", true]], rows);
    }

    [Fact]
    public async Task Grouping_counts_with_implicit_aliases_and_number_results_read_back_as_doubles()
    {
        CompiledQuery query = Compile(new SoqlRequest { Select = "make, count(name)", Group = "make", Order = "make" });

        Assert.Equal([new OutputColumn("make", SodaType.Text), new OutputColumn("count_name", SodaType.Number)], query.Columns.ToArray());
        Assert.Equal([["APCO", 2d], ["GIN", 1d], ["OZONE", 2d], [null, 1d]], await engine.QueryAsync(query));
    }

    [Fact]
    public async Task Grouped_query_without_order_is_ordered_by_its_groups()
    {
        Assert.Equal(
            [["APCO", 51.5d, 103d], ["GIN", 52d, 52d], ["OZONE", 60d, 60d], [null, 30d, 30d]],
            await RunAsync(new SoqlRequest { Select = "make, avg(v_max), sum(v_max)", Group = "make" }));
    }

    [Fact]
    public async Task Having_can_use_an_implicit_alias()
    {
        Assert.Equal(
            [["APCO", 2d], ["OZONE", 2d]],
            await RunAsync(new SoqlRequest { Select = "make, count(*)", Group = "make", Having = "count > 1" }));
    }

    [Fact]
    public async Task Order_by_an_aggregate_alias_descending()
    {
        Assert.Equal(
            [["OZONE", 60d], ["APCO", 55d], ["GIN", 52d], [null, 30d]],
            await RunAsync(new SoqlRequest { Select = "make, max(v_max) AS top", Group = "make", Order = "top desc" }));
    }

    [Fact]
    public async Task Whole_query_with_date_truncation_groups_by_month()
    {
        CompiledQuery query = Compile(new SoqlRequest
        {
            Query = "SELECT date_trunc_ym(available), count(*) WHERE available IS NOT NULL GROUP BY date_trunc_ym(available) ORDER BY date_trunc_ym(available) LIMIT 5",
        });

        Assert.Equal(["date_trunc_ym_available", "count"], query.Columns.Select(column => column.Name));
        Assert.Equal(SodaType.FloatingTimestamp, query.Columns[0].Type);
        Assert.Equal(
            [[new DateTime(2012, 8, 1), 3d], [new DateTime(2012, 9, 1), 1d], [new DateTime(2013, 1, 1), 1d]],
            await engine.QueryAsync(query));
    }

    [Fact]
    public async Task Date_truncation_to_day_and_year()
    {
        Assert.Equal(
            [[new DateTime(2012, 8, 1), new DateTime(2012, 1, 1)]],
            await RunAsync(new SoqlRequest { Select = "date_trunc_ymd(available), date_trunc_y(inspected)", Where = "name = 'Karma'" }));
    }

    [Fact]
    public async Task Within_circle_measures_metres_on_the_sphere()
    {
        // Karma sits on the centre; Lift is about 47 km away in Tel Aviv.
        Assert.Equal(["Karma"], await NamesAsync(new SoqlRequest { Where = "within_circle(location, 32.50578, 34.8926, 10000)" }));
        Assert.Equal(["Karma", "Lift"], await NamesAsync(new SoqlRequest { Where = "within_circle(location, 32.50578, 34.8926, 50000)" }));
        Assert.Equal(["Karma"], await NamesAsync(new SoqlRequest { Where = "within_circle(location, '32.50578', '34.8926', '46000')" }));
    }

    [Fact]
    public async Task Within_box_takes_north_west_then_south_east_corners()
    {
        Assert.Equal(["Bolero"], await NamesAsync(new SoqlRequest { Where = "within_box(location, 48, -123, 47, -122)" }));
        Assert.Empty(await NamesAsync(new SoqlRequest { Where = "within_box(location, 47, -122, 48, -123)" }));
    }

    [Fact]
    public async Task Within_polygon_filters_points_by_a_wkt_literal()
    {
        Assert.Equal(["Karma", "Lift"], await NamesAsync(new SoqlRequest { Where = "within_polygon(location, 'POLYGON ((34 31, 36 31, 36 33, 34 33, 34 31))')" }));
        Assert.Equal(["Karma", "Bolero"], await NamesAsync(new SoqlRequest
        {
            Where = "within_polygon(location, 'MULTIPOLYGON (((34.8 32.4, 35 32.4, 35 32.6, 34.8 32.6, 34.8 32.4)), ((-123 47, -122 47, -122 48, -123 48, -123 47)))')",
        }));
        Assert.Equal(["Lift"], await NamesAsync(new SoqlRequest { Where = "intersects(location, 'POINT (34.7818 32.0853)')" }));
    }

    [Fact]
    public async Task Extent_of_points_is_their_bounding_box()
    {
        object?[] row = Assert.Single(await RunAsync(new SoqlRequest { Select = "extent(location), extent(area)" }));

        Geospatial.GeometryAssert.Equal("MULTIPOLYGON (((-122.3321 32.0853, -122.3321 47.6062, 34.8926 47.6062, 34.8926 32.0853, -122.3321 32.0853)))", row[0]);
        Assert.Null(row[1]);
    }

    [Fact]
    public async Task Search_matches_every_term_in_some_text_column_case_insensitively()
    {
        Assert.Equal(["Red Bike's"], await NamesAsync(new SoqlRequest { Search = "bike RED" }));
        Assert.Equal(["Karma", "Lift"], await NamesAsync(new SoqlRequest { Search = "apco" }));
        Assert.Equal(["Karma"], await NamesAsync(new SoqlRequest { Search = "apco karma" }));
        Assert.Equal(["Rush"], await NamesAsync(new SoqlRequest { Search = "ozone.example" }));
        Assert.Equal(["Karma", "Lift", "Rush", "Buzz", "Bolero", "Red Bike's"], await NamesAsync(new SoqlRequest { Search = "  !! " }));
    }

    [Fact]
    public async Task Order_puts_nulls_last_ascending_and_first_descending()
    {
        Assert.Equal(["Red Bike's", "Lift", "Bolero", "Karma", "Rush", "Buzz"], await NamesAsync(new SoqlRequest { Order = "v_max" }));
        Assert.Equal(["Buzz", "Rush", "Karma", "Bolero", "Lift", "Red Bike's"], await NamesAsync(new SoqlRequest { Order = "v_max DESC" }));
        Assert.Equal(["Rush", "Karma", "Bolero", "Lift", "Red Bike's", "Buzz"], await NamesAsync(new SoqlRequest { Order = "v_max DESC NULLS LAST" }));
        Assert.Equal(["Red Bike's", "Karma", "Lift", "Bolero", "Buzz", "Rush"], await NamesAsync(new SoqlRequest { Order = "make NULLS FIRST, v_max DESC" }));
    }

    [Fact]
    public async Task Order_by_id_pages_stably()
    {
        Assert.Equal(["Lift", "Rush"], await NamesAsync(new SoqlRequest { Order = ":id", Limit = "2" }));
        Assert.Equal(["Karma", "Bolero"], await NamesAsync(new SoqlRequest { Order = ":id", Limit = "2", Offset = "2" }));
        Assert.Equal(["Buzz", "Red Bike's"], await NamesAsync(new SoqlRequest { Order = ":id", Limit = "2", Offset = "4" }));
        Assert.Empty(await NamesAsync(new SoqlRequest { Order = ":id", Limit = "2", Offset = "6" }));
    }

    [Fact]
    public async Task System_fields_are_selectable_and_typed()
    {
        CompiledQuery query = Compile(new SoqlRequest { Select = ":*, name", Where = ":id = 'row-2'" });

        Assert.Equal(
            [new OutputColumn(":id", SodaType.Text), new OutputColumn(":created_at", SodaType.FixedTimestamp), new OutputColumn(":updated_at", SodaType.FixedTimestamp), new OutputColumn("name", SodaType.Text)],
            query.Columns.ToArray());
        Assert.Equal([["row-2", new DateTime(2020, 1, 2), new DateTime(2020, 1, 2), "Rush"]], await engine.QueryAsync(query));
    }

    [Fact]
    public async Task Star_with_system_fields_has_one_sql_column_per_output_column()
    {
        CompiledQuery query = Compile(new SoqlRequest { IncludeSystemFields = true, Limit = "1" });

        object?[] row = Assert.Single(await engine.QueryAsync(query));
        Assert.Equal(query.Columns.Length, row.Length);
        Assert.Equal("row-3", row[0]);
    }

    [Fact]
    public async Task Simple_filters_are_and_ed_with_where()
    {
        Assert.Equal(["Rush"], await NamesAsync(new SoqlRequest { Where = "v_max > 50", SimpleFilters = [new("make", "OZONE")] }));
        Assert.Equal(["Lift"], await NamesAsync(new SoqlRequest { SimpleFilters = [new("make", "APCO"), new("v_max", "48")] }));
        Assert.Equal(["Lift", "Red Bike's"], await NamesAsync(new SoqlRequest { SimpleFilters = [new("ACTIVE", "false")] }));
    }

    [Fact]
    public async Task Aggregates_over_no_rows_give_one_row()
    {
        Assert.Equal([[0d, null, null]], await RunAsync(new SoqlRequest { Select = "count(*), sum(v_max), max(name)", Where = "make = 'none'" }));
    }

    [Fact]
    public async Task Count_distinct_counts_non_null_values()
    {
        Assert.Equal([[3d, 6d]], await RunAsync(new SoqlRequest { Select = "count(distinct make), count(*)" }));
    }

    [Fact]
    public async Task Limit_and_offset_apply_after_grouping()
    {
        Assert.Equal([["GIN", 1d]], await RunAsync(new SoqlRequest { Select = "make, count(*)", Group = "make", Limit = "1", Offset = "1" }));
    }

    [Fact]
    public async Task Group_by_an_expression_holding_a_literal_runs()
    {
        Assert.Equal(
            [["APCO!", 2d], ["GIN!", 1d], ["OZONE!", 2d], [null, 1d]],
            await RunAsync(new SoqlRequest { Select = "make || '!' AS shout, count(*)", Group = "shout" }));
    }

    [Fact]
    public async Task Constant_order_and_group_keys_run()
    {
        Assert.Equal(["Lift", "Rush"], await NamesAsync(new SoqlRequest { Order = "'x', :id", Limit = "2" }));
        Assert.Equal([["x", 6d]], await RunAsync(new SoqlRequest { Select = "'x' AS k, count(*)", Group = "'x'" }));
        Assert.Equal([[6d]], await RunAsync(new SoqlRequest { Select = "count(*)", Group = "1 + 1" }));
    }

    [Fact]
    public async Task Hostile_values_are_bound_as_values_and_the_canary_survives()
    {
        foreach (string payload in InjectionCorpus.Payloads)
        {
            string quoted = "'" + payload.Replace("'", "''", StringComparison.Ordinal) + "'";
            SoqlRequest[] requests =
            [
                new() { Where = "make = " + quoted },
                new() { Where = "name LIKE " + quoted },
                new() { Select = "make || " + quoted },
                new() { Select = "make", Group = "make", Having = "max(name) > " + quoted },
                new() { Search = payload },
                new() { Where = "within_polygon(location, " + quoted + ")" },
                new() { Where = "intersects(area, " + quoted + ")" },
                new() { SimpleFilters = [new("make", payload)] },
            ];

            foreach (SoqlRequest request in requests)
            {
                CompiledQuery query;
                try
                {
                    query = Compile(request);
                }
                catch (QueryError)
                {
                    continue;
                }

                Assert.DoesNotContain("canary", query.Statement.Text, StringComparison.OrdinalIgnoreCase);
                try
                {
                    await engine.QueryAsync(query);
                }
                catch (Exception exception) when (payload.Contains('\0', StringComparison.Ordinal) && engine.IsRejectedValue(exception))
                {
                    // PostgreSQL text cannot hold NUL; the store answers 400 (IExecutionFixture.IsRejectedValue).
                }
            }
        }

        Assert.Equal(1, await engine.CanaryCountAsync());
    }

    private CompiledQuery Compile(SoqlRequest request) => SoqlCompiler.Compile(request, TestSchema.Vehicles, engine.Dialect);

    private Task<IReadOnlyList<object?[]>> RunAsync(SoqlRequest request) => engine.QueryAsync(Compile(request));

    private async Task<List<object?>> NamesAsync(SoqlRequest request) =>
        [.. (await RunAsync(request with { Select = "name" })).Select(row => row[0])];
}
