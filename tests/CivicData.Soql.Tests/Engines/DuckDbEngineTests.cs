using System.Collections.Immutable;
using CivicData.Core.Schema;

namespace CivicData.Soql.Tests.Engines;

public sealed class DuckDbEngineTests
{
    [Fact]
    public async Task Loaded_rows_come_back_as_canonical_values_in_load_order()
    {
        await using var engine = new DuckDbEngine();
        var schema = new TableSchema("t", [
            new ColumnSchema(1, "name", "Name", SodaType.Text, 1),
            new ColumnSchema(2, "n", "N", SodaType.Number, 2),
            new ColumnSchema(3, "ok", "Ok", SodaType.Checkbox, 3),
            new ColumnSchema(4, "at", "At", SodaType.FloatingTimestamp, 4),
            new ColumnSchema(5, "p", "P", SodaType.Point, 5)]);
        await engine.CreateTableAsync(schema, [
            ["a", 1.5, true, new DateTime(2024, 1, 2, 3, 4, 5), new TestPoint(-118.25, 34.05)],
            [null, null, null, null, null]], CancellationToken.None);

        CompiledQuery query = SoqlCompiler.Compile(new SoqlRequest { Select = ":id, name, n, ok, at, p" }, schema, engine.Dialect);
        IReadOnlyList<object?[]> rows = await engine.QueryAsync(query, CancellationToken.None);

        Assert.Equal(["row-1", "a", 1.5, true, new DateTime(2024, 1, 2, 3, 4, 5), new TestPoint(-118.25, 34.05)], rows[0]);
        Assert.Equal(["row-2", null, null, null, null, null], rows[1]);
    }
}
