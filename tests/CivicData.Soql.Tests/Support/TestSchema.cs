using System.Collections.Immutable;
using CivicData.Core.Schema;

namespace CivicData.Soql.Tests.Support;

/// <summary>The dataset every test queries: vehicles, after soda.md §11's worked examples.</summary>
public static class TestSchema
{
    public const string TableName = "ds_abcd_1234_v1";

    public static TableSchema Vehicles { get; } = new(TableName,
    [
        new ColumnSchema(1, "make", "Make", SodaType.Text, 1),
        new ColumnSchema(2, "name", "Name", SodaType.Text, 2),
        new ColumnSchema(3, "v_max", "Top speed", SodaType.Number, 3),
        new ColumnSchema(4, "price", "Price", SodaType.Money, 4),
        new ColumnSchema(5, "ratio", "Ratio", SodaType.Double, 5),
        new ColumnSchema(6, "available", "Available", SodaType.FloatingTimestamp, 6),
        new ColumnSchema(7, "inspected", "Inspected", SodaType.FixedTimestamp, 7),
        new ColumnSchema(8, "active", "Active", SodaType.Checkbox, 8),
        new ColumnSchema(9, "location", "Location", SodaType.Point, 9),
        new ColumnSchema(10, "website", "Website", SodaType.Url, 10),
        new ColumnSchema(11, "area", "Area", SodaType.Polygon, 11),
    ]);

    public static ImmutableArray<string> UserFieldNames => [.. Vehicles.Columns.Select(column => column.FieldName)];
}
