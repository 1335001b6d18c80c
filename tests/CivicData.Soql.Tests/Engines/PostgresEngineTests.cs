using CivicData.Core.Schema;

namespace CivicData.Soql.Tests.Engines;

public sealed class PostgresEngineTests
{
    [Fact]
    public async Task Loaded_rows_come_back_as_canonical_values_in_load_order()
    {
        await using var engine = new PostgresEngine();
        var schema = new TableSchema("t", [
            new ColumnSchema(1, "name", "Name", SodaType.Text, 1),
            new ColumnSchema(2, "n", "N", SodaType.Number, 2),
            new ColumnSchema(3, "ok", "Ok", SodaType.Checkbox, 3),
            new ColumnSchema(4, "at", "At", SodaType.FloatingTimestamp, 4),
            new ColumnSchema(5, "p", "P", SodaType.Point, 5),
            new ColumnSchema(6, "fixed", "Fixed", SodaType.FixedTimestamp, 6),
            new ColumnSchema(7, "shape", "Shape", SodaType.Polygon, 7),
            new ColumnSchema(8, "d", "D", SodaType.Double, 8)]);
        const string Square = """{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}""";
        await engine.CreateTableAsync(schema, [
            ["a", 1.5, true, new DateTime(2024, 1, 2, 3, 4, 5), new TestPoint(-118.25, 34.05), new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), Square, 0.1],
            [null, null, null, null, null, null, null, null]], CancellationToken.None);

        CompiledQuery query = SoqlCompiler.Compile(new SoqlRequest { Select = ":id, :created_at, name, n, ok, at, p, fixed, shape, d" }, schema, engine.Dialect);
        IReadOnlyList<object?[]> rows = await engine.QueryAsync(query, CancellationToken.None);

        Assert.Equal(["row-1", new DateTime(2020, 1, 1, 1, 0, 0), "a", 1.5, true, new DateTime(2024, 1, 2, 3, 4, 5), new TestPoint(-118.25, 34.05), new DateTime(2024, 1, 2, 3, 4, 5), Square, 0.1], rows[0]);
        Assert.Equal(DateTimeKind.Utc, Assert.IsType<DateTime>(rows[0][1]).Kind);
        Assert.Equal(DateTimeKind.Unspecified, Assert.IsType<DateTime>(rows[0][5]).Kind);
        Assert.Equal(DateTimeKind.Utc, Assert.IsType<DateTime>(rows[0][7]).Kind);
        Assert.Equal(["row-2", new DateTime(2020, 1, 1, 2, 0, 0), null, null, null, null, null, null, null, null], rows[1]);
    }

    [Fact]
    public async Task Engines_work_in_schemas_of_their_own()
    {
        await using var first = new PostgresEngine();
        await using var second = new PostgresEngine();
        var schema = new TableSchema("same_name", [new ColumnSchema(1, "x", "X", SodaType.Text, 1)]);
        await first.CreateTableAsync(schema, [["first"]], CancellationToken.None);
        await second.CreateTableAsync(schema, [["second"], ["again"]], CancellationToken.None);

        CompiledQuery query = SoqlCompiler.Compile(new SoqlRequest { Select = "x" }, schema, first.Dialect);

        Assert.Equal([["first"]], await first.QueryAsync(query, CancellationToken.None));
        Assert.Equal([["second"], ["again"]], await second.QueryAsync(query, CancellationToken.None));
    }
}
