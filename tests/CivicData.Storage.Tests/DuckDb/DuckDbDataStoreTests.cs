using System.Collections.Immutable;
using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Soql.Rendering.Sql;
using CivicData.Storage.Loading;
using CivicData.Storage.Querying;

namespace CivicData.Storage.Tests.DuckDb;

public sealed class DuckDbDataStoreTests
{
    private static readonly DateTime s_now = new(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Delimited_file_is_staged_as_text_with_record_numbers_and_embedded_newlines()
    {
        await using var fixture = new DuckDbStoreFixture();
        string path = fixture.WriteFile("a.csv", "\uFEFFname,note\nAnn,\"two\nlines\"\nBob,\"say \"\"hi\"\"\"\n");

        StagingTable staging = await fixture.Store.StageDelimitedFileAsync(path, ',', 2, CancellationToken.None);

        Assert.Equal(2, staging.RowCount);
        List<object?[]> rows = await RowsAsync(fixture, $"SELECT rn, c0, c1 FROM civicdata_staging.main.\"{staging.TableName}\" ORDER BY rn");
        Assert.Equal([1L, "Ann", "two\nlines"], rows[0]);
        Assert.Equal([2L, "Bob", "say \"hi\""], rows[1]);
    }

    [Fact]
    public async Task Short_rows_are_padded_even_after_a_quoted_line_break_deep_in_the_file()
    {
        // DuckDB's parallel scanner refuses null padding when a line inside a quoted value starts with a quote (found by the benchmark's
        // generated 311 file); the store must fall back to the sequential scanner rather than reject the file.
        await using var fixture = new DuckDbStoreFixture();
        var text = new System.Text.StringBuilder("id,place,note\n");
        for (int i = 1; i <= 60; i++)
        {
            text.Append(i).Append(",\"Main St, ").Append(i).Append(i == 34 ? "\",\"first line\n\"\"quoted\"\" second line\"\n" : "\",plain\n");
        }

        text.Append("61\n");
        string path = fixture.WriteFile("notes.csv", text.ToString());

        StagingTable staging = await fixture.Store.StageDelimitedFileAsync(path, ',', 3, CancellationToken.None);

        Assert.Equal(61, staging.RowCount);
        List<object?[]> rows = await RowsAsync(fixture, $"SELECT rn, c0, c1, c2 FROM civicdata_staging.main.\"{staging.TableName}\" WHERE c0 IN ('34', '61') ORDER BY rn");
        Assert.Equal([34L, "34", "Main St, 34", "first line\n\"quoted\" second line"], rows[0]);
        Assert.Equal([61L, "61", null, null], rows[1]);
    }

    [Fact]
    public async Task Ragged_delimited_file_is_a_validation_error_and_leaves_no_table()
    {
        await using var fixture = new DuckDbStoreFixture();
        string path = fixture.WriteFile("bad.csv", "a,b\n1,2\n3,4,5,6\n");

        await Assert.ThrowsAsync<ValidationError>(() => fixture.Store.StageDelimitedFileAsync(path, ',', 2, CancellationToken.None));

        Assert.DoesNotContain(await fixture.Store.ListTablesAsync(CancellationToken.None), t => t.StartsWith("stage_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Profile_counts_values_that_convert_to_each_candidate_type()
    {
        await using var fixture = new DuckDbStoreFixture();
        StagingTable staging = await StageAsync(fixture,
            ["1", "true", "01/31/2024 02:15:00 PM", "POINT (-118.2 34.1)", "https://x.org/a", "007"],
            ["-2.5", "FALSE", "2024-02-01T10:00:00", "POINT (-118.3 34.2)", "not a url", "12"],
            ["", null, "", "", "", ""]);

        IReadOnlyList<StagedColumnProfile> profiles = await fixture.Store.ProfileAsync(staging, CancellationToken.None);

        Assert.Equal(new StagedColumnProfile(0, 2, 0, 2, 0, 0, 0, 0, -2.5, 1), profiles[0]);
        Assert.Equal(2, profiles[1].Checkbox);
        Assert.Equal(2, profiles[2].Timestamp);
        Assert.Equal(2, profiles[3].WktPoint);
        Assert.Equal(1, profiles[4].Url);
        Assert.Equal(1, profiles[5].Number); // "007" is a code, not a number
    }

    [Fact]
    public async Task Profile_of_a_long_table_counts_exactly_what_the_first_rows_leave_open()
    {
        // Past the first 10,000 rows the profile runs only the checks that those rows left open: a number column must
        // still count a late non-number exactly, and a column ruled out early must say so with -1.
        await using var fixture = new DuckDbStoreFixture();
        string?[][] rows = new string?[12_000][];
        for (int i = 0; i < rows.Length; i++)
        {
            string number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            rows[i] = [number, i == 11_000 ? "n/a" : number, "note " + number, i % 2 == 0 ? "2024-01-02T03:04:05" : "  "];
        }

        StagingTable staging = await StageAsync(fixture, rows);

        IReadOnlyList<StagedColumnProfile> profiles = await fixture.Store.ProfileAsync(staging, CancellationToken.None);

        Assert.Equal((12_000L, 12_000L, 1.0, 12_000.0), (profiles[0].NonEmpty, profiles[0].Number, profiles[0].Min, profiles[0].Max));
        Assert.Equal((12_000L, 11_999L), (profiles[1].NonEmpty, profiles[1].Number));
        Assert.Equal([-1L, -1L, -1L, -1L, -1L, -1L], profiles[2].CandidateCounts);
        Assert.Equal((6_000L, 6_000L), (profiles[3].NonEmpty, profiles[3].Timestamp));
    }

    [Fact]
    public async Task Replace_build_converts_every_type_and_numbers_rows_in_file_order()
    {
        await using var fixture = new DuckDbStoreFixture();
        StagingTable staging = await StageAsync(fixture,
            ["a", "1.5", "yes", "01/31/2024 02:15:00 PM", "POINT (-118.25 34.05)", "34.1", "-118.2"],
            ["b", "", "n", "2024-02-01", "", "", ""]);
        ImmutableArray<TargetColumn> columns =
        [
            Target(1, "name", SodaType.Text, new ColumnSource.Staged(0)),
            Target(2, "amount", SodaType.Number, new ColumnSource.Staged(1)),
            Target(3, "flag", SodaType.Checkbox, new ColumnSource.Staged(2)),
            Target(4, "opened", SodaType.FloatingTimestamp, new ColumnSource.Staged(3)),
            Target(5, "location", SodaType.Point, new ColumnSource.Staged(4)),
            Target(6, "derived", SodaType.Point, new ColumnSource.LatitudeLongitude(5, 6)),
        ];

        VersionBuildResult result = await fixture.Store.BuildVersionAsync(
            new VersionBuildPlan(staging, "ds_test_v1", columns, LoadMode.Replace, null, null, false, s_now), CancellationToken.None);

        Assert.True(result.Built);
        Assert.Equal(2, result.RowCount);
        await using QueryResult query = await fixture.Store.QueryAsync(
            new SqlStatement("SELECT \":id\", name, amount, flag, opened, location, derived, \":created_at\" FROM ds_test_v1 ORDER BY \":seq\"", []), CancellationToken.None);
        Assert.True(await query.Reader.ReadAsync(query.CancellationToken));
        Assert.Equal("row-000001", query.Reader.GetString(0));
        Assert.Equal("a", query.Reader.GetString(1));
        Assert.Equal(1.5, query.Reader.GetDouble(2));
        Assert.True(query.Reader.GetBoolean(3));
        Assert.Equal(new DateTime(2024, 1, 31, 14, 15, 0), query.Reader.GetDateTime(4));
        Assert.Equal((-118.25, 34.05), CellReader.GetPoint(query.Reader, 5));
        Assert.Equal((-118.2, 34.1), CellReader.GetPoint(query.Reader, 6));
        Assert.Equal(s_now, query.Reader.GetDateTime(7));
        Assert.True(await query.Reader.ReadAsync(query.CancellationToken));
        Assert.True(query.Reader.IsDBNull(2));
        Assert.False(query.Reader.GetBoolean(3));
        Assert.Equal(new DateTime(2024, 2, 1), query.Reader.GetDateTime(4));
        Assert.Null(CellReader.GetPoint(query.Reader, 5));
        Assert.Null(CellReader.GetPoint(query.Reader, 6));
    }

    [Fact]
    public async Task Bad_values_stop_the_build_with_a_report_and_create_nothing()
    {
        await using var fixture = new DuckDbStoreFixture();
        StagingTable staging = await StageAsync(fixture, ["1"], ["two"], ["3"], ["4x"]);
        ImmutableArray<TargetColumn> columns = [Target(1, "n", SodaType.Number, new ColumnSource.Staged(0))];

        VersionBuildResult result = await fixture.Store.BuildVersionAsync(
            new VersionBuildPlan(staging, "ds_bad_v1", columns, LoadMode.Replace, null, null, false, s_now), CancellationToken.None);

        Assert.False(result.Built);
        Assert.Equal(2, result.BadRowCount);
        Assert.Equal([new BadRow(2, "n", "two", "not a number"), new BadRow(4, "n", "4x", "not a number")], result.BadRows.ToArray());
        Assert.DoesNotContain("ds_bad_v1", await fixture.Store.ListTablesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Skipping_bad_rows_loads_the_rest()
    {
        await using var fixture = new DuckDbStoreFixture();
        StagingTable staging = await StageAsync(fixture, ["1"], ["two"], ["3"]);
        ImmutableArray<TargetColumn> columns = [Target(1, "n", SodaType.Number, new ColumnSource.Staged(0))];

        VersionBuildResult result = await fixture.Store.BuildVersionAsync(
            new VersionBuildPlan(staging, "ds_skip_v1", columns, LoadMode.Replace, null, null, true, s_now), CancellationToken.None);

        Assert.True(result.Built);
        Assert.Equal(2, result.RowCount);
        Assert.Equal(1, result.SkippedRows);
        Assert.Equal([[1.0], [3.0]], await RowsAsync(fixture, "SELECT n FROM ds_skip_v1 ORDER BY \":seq\""));
    }

    [Fact]
    public async Task Duplicate_and_empty_row_identifiers_are_reported()
    {
        await using var fixture = new DuckDbStoreFixture();
        StagingTable staging = await StageAsync(fixture, ["k1", "a"], ["k2", "b"], ["k1", "c"], ["", "d"]);
        ImmutableArray<TargetColumn> columns = [Target(1, "key", SodaType.Text, new ColumnSource.Staged(0)), Target(2, "v", SodaType.Text, new ColumnSource.Staged(1))];

        VersionBuildResult result = await fixture.Store.BuildVersionAsync(
            new VersionBuildPlan(staging, "ds_keys_v1", columns, LoadMode.Replace, null, "key", false, s_now), CancellationToken.None);

        Assert.False(result.Built);
        Assert.Equal(
            [new BadRow(1, "key", "k1", "the row identifier is not unique"), new BadRow(3, "key", "k1", "the row identifier is not unique"), new BadRow(4, "key", "", "the row identifier is empty")],
            result.BadRows.ToArray());
    }

    [Fact]
    public async Task Append_keeps_previous_rows_and_continues_the_row_ids()
    {
        await using var fixture = new DuckDbStoreFixture();
        ImmutableArray<TargetColumn> columns = [Target(1, "v", SodaType.Text, new ColumnSource.Staged(0))];
        TableSchema first = await BuildAsync(fixture, "ds_app_v1", columns, LoadMode.Replace, null, null, ["a"], ["b"]);

        await BuildAsync(fixture, "ds_app_v2", columns, LoadMode.Append, first, null, ["c"]);

        Assert.Equal([["row-000001", "a"], ["row-000002", "b"], ["row-000003", "c"]], await RowsAsync(fixture, "SELECT \":id\", v FROM ds_app_v2 ORDER BY \":seq\""));
        Assert.Equal(2, (await RowsAsync(fixture, "SELECT count(*) FROM ds_app_v1"))[0][0] is long n ? n : -1);
    }

    [Fact]
    public async Task Upsert_updates_matching_rows_in_place_keeps_their_ids_and_adds_new_ones()
    {
        await using var fixture = new DuckDbStoreFixture();
        ImmutableArray<TargetColumn> columns = [Target(1, "key", SodaType.Text, new ColumnSource.Staged(0)), Target(2, "v", SodaType.Number, new ColumnSource.Staged(1))];
        TableSchema first = await BuildAsync(fixture, "ds_up_v1", columns, LoadMode.Replace, null, "key", ["a", "1"], ["b", "2"], ["c", "3"]);

        await BuildAsync(fixture, "ds_up_v2", columns, LoadMode.Upsert, first, "key", ["b", "20"], ["d", "4"]);

        Assert.Equal(
            [["row-000001", "a", 1.0], ["row-000002", "b", 20.0], ["row-000003", "c", 3.0], ["row-000005", "d", 4.0]],
            await RowsAsync(fixture, "SELECT \":id\", key, v FROM ds_up_v2 ORDER BY \":seq\""));
    }

    [Fact]
    public async Task Upsert_keeps_values_of_columns_the_file_leaves_out()
    {
        await using var fixture = new DuckDbStoreFixture();
        ImmutableArray<TargetColumn> columns = [Target(1, "key", SodaType.Text, new ColumnSource.Staged(0)), Target(2, "v", SodaType.Text, new ColumnSource.Staged(1))];
        TableSchema first = await BuildAsync(fixture, "ds_keep_v1", columns, LoadMode.Replace, null, "key", ["a", "x"]);
        ImmutableArray<TargetColumn> onlyKey = [Target(1, "key", SodaType.Text, new ColumnSource.Staged(0)), Target(2, "v", SodaType.Text, new ColumnSource.Missing())];

        await BuildAsync(fixture, "ds_keep_v2", onlyKey, LoadMode.Upsert, first, "key", ["a", null]);

        Assert.Equal([["a", "x"]], await RowsAsync(fixture, "SELECT key, v FROM ds_keep_v2"));
    }

    [Fact]
    public async Task Query_parameters_are_bound_positionally()
    {
        await using var fixture = new DuckDbStoreFixture();
        ImmutableArray<TargetColumn> columns = [Target(1, "v", SodaType.Text, new ColumnSource.Staged(0))];
        await BuildAsync(fixture, "ds_p_v1", columns, LoadMode.Replace, null, null, ["x'; DROP TABLE ds_p_v1; --"], ["y"]);

        await using QueryResult result = await fixture.Store.QueryAsync(
            new SqlStatement("SELECT count(*) FROM ds_p_v1 WHERE v = $1 OR v = $2", [new("x'; DROP TABLE ds_p_v1; --", SodaType.Text), new("nothing", SodaType.Text)]), CancellationToken.None);

        Assert.True(await result.Reader.ReadAsync(result.CancellationToken));
        Assert.Equal(1L, result.Reader.GetInt64(0));
    }

    [Fact]
    public async Task A_query_past_its_time_limit_is_a_timeout_error()
    {
        await using var fixture = new DuckDbStoreFixture(TimeSpan.FromMilliseconds(200));

        QueryError error = await Assert.ThrowsAsync<QueryError>(() => fixture.Store.QueryAsync(
            new SqlStatement("SELECT count(*) FROM range(100000000000) a", []), CancellationToken.None));

        Assert.Equal("query.execution.query-timeout", error.Code);
    }

    [Fact]
    public async Task A_download_runs_past_the_query_time_limit()
    {
        // Each query alone takes longer than the 50 ms limit; only the export may run to the end.
        await using var fixture = new DuckDbStoreFixture(TimeSpan.FromMilliseconds(50));
        var slow = new SqlStatement("SELECT count(*) FROM range(400000000) a", []);

        await Assert.ThrowsAsync<QueryError>(() => fixture.Store.QueryAsync(slow, CancellationToken.None));
        await using QueryResult result = await fixture.Store.ExportAsync(slow, CancellationToken.None);
        Assert.True(await result.Reader.ReadAsync());
        Assert.Equal(400_000_000L, result.Reader.GetInt64(0));
    }

    [Fact]
    public async Task Versions_are_written_in_sequence_order_which_unordered_scans_return()
    {
        // DuckDbDialect.ScansInSequenceOrder leaves ORDER BY :seq out; that holds only if every build writes rows in
        // :seq order (an upsert puts updated rows back in their old place) and scans of several row groups keep it.
        await using var fixture = new DuckDbStoreFixture();
        ImmutableArray<TargetColumn> columns = [Target(1, "key", SodaType.Text, new ColumnSource.Staged(0)), Target(2, "v", SodaType.Number, new ColumnSource.Staged(1))];
        string?[][] rows = [.. Enumerable.Range(1, 300_000).Select(i => new string?[] { "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "1" })];
        TableSchema first = await BuildAsync(fixture, "ds_ord_v1", columns, LoadMode.Replace, null, "key", rows);

        await BuildAsync(fixture, "ds_ord_v2", columns, LoadMode.Upsert, first, "key", ["new", "9"], ["k250000", "2"], ["k3", "2"]);

        List<object?[]> all = await RowsAsync(fixture, "SELECT \":seq\" FROM ds_ord_v2");
        long[] sequence = [.. all.Select(row => (long)row[0]!)];
        Assert.Equal(300_001, sequence.Length);
        Assert.True(sequence.SequenceEqual(sequence.Order()), "rows come back out of :seq order");
        Assert.Equal(
            [[249_999L, "k249999", 1.0], [250_000L, "k250000", 2.0], [250_001L, "k250001", 1.0]],
            await RowsAsync(fixture, "SELECT \":seq\", key, v FROM ds_ord_v2 WHERE v > 0 LIMIT 3 OFFSET 249998"));
    }

    [Fact]
    public async Task Engine_errors_become_query_errors_with_one_line_messages()
    {
        await using var fixture = new DuckDbStoreFixture();

        QueryError error = await Assert.ThrowsAsync<QueryError>(() => fixture.Store.QueryAsync(
            new SqlStatement("SELECT CAST($1 AS DOUBLE)", [new("abc", SodaType.Text)]), CancellationToken.None));

        Assert.Equal("query.execution.failed", error.Code);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Geometry_functions_answer_on_every_connection_even_opened_at_once()
    {
        await using var fixture = new DuckDbStoreFixture();

        long[] counts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using QueryResult result = await fixture.Store.QueryAsync(
                new SqlStatement("SELECT civicdata_num_points($1)::BIGINT", [new("{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1],[2,0]]}", SodaType.Text)]),
                CancellationToken.None);
            await result.Reader.ReadAsync(result.CancellationToken);
            return result.Reader.GetInt64(0);
        }));

        Assert.All(counts, count => Assert.Equal(3L, count));
    }

    private static TargetColumn Target(long id, string field, SodaType type, ColumnSource source) =>
        new(new ColumnSchema(id, field, field, type, (int)id), source);

    private static async Task<TableSchema> BuildAsync(DuckDbStoreFixture fixture, string table, ImmutableArray<TargetColumn> columns, LoadMode mode, TableSchema? previous, string? key, params string?[][] rows)
    {
        StagingTable staging = await StageAsync(fixture, rows);
        VersionBuildResult result = await fixture.Store.BuildVersionAsync(new VersionBuildPlan(staging, table, columns, mode, previous, key, false, s_now), CancellationToken.None);
        Assert.True(result.Built, string.Join("; ", result.BadRows));
        return new TableSchema(table, [.. columns.Select(c => c.Column)]);
    }

    private static Task<StagingTable> StageAsync(DuckDbStoreFixture fixture, params string?[][] rows) =>
        fixture.Store.StageRowsAsync(rows[0].Length, (sink, _) =>
        {
            for (int i = 0; i < rows.Length; i++)
            {
                sink.AppendRow(i + 1, rows[i]);
            }

            return Task.CompletedTask;
        }, CancellationToken.None);

    private static async Task<List<object?[]>> RowsAsync(DuckDbStoreFixture fixture, string sql)
    {
        await using QueryResult result = await fixture.Store.QueryAsync(new SqlStatement(sql, []), CancellationToken.None);
        var rows = new List<object?[]>();
        while (await result.Reader.ReadAsync(result.CancellationToken))
        {
            object?[] row = new object?[result.Reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = result.Reader.IsDBNull(i) ? null : result.Reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
