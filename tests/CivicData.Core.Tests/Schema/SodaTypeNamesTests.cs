using CivicData.Core.Schema;

namespace CivicData.Core.Tests.Schema;

public sealed class SodaTypeNamesTests
{
    [Fact]
    public void Every_type_round_trips_through_its_soql_name()
    {
        foreach (SodaType type in Enum.GetValues<SodaType>())
        {
            Assert.True(SodaTypeNames.TryParse(type.ToName(), out SodaType parsed));
            Assert.Equal(type, parsed);
        }
    }

    [Theory]
    [InlineData(SodaType.FloatingTimestamp, "floating_timestamp", "calendar_date")]
    [InlineData(SodaType.FixedTimestamp, "fixed_timestamp", "date")]
    [InlineData(SodaType.Number, "number", "number")]
    [InlineData(SodaType.Point, "point", "point")]
    public void Views_use_socrata_legacy_names(SodaType type, string soql, string views)
    {
        Assert.Equal(soql, type.ToName());
        Assert.Equal(views, type.ToViewsName());
    }

    [Theory]
    [InlineData("boolean", SodaType.Checkbox)]
    [InlineData("CALENDAR_DATE", SodaType.FloatingTimestamp)]
    [InlineData(" text ", SodaType.Text)]
    public void Aliases_and_case_are_accepted(string name, SodaType expected)
    {
        Assert.True(SodaTypeNames.TryParse(name, out SodaType type));
        Assert.Equal(expected, type);
    }

    [Fact]
    public void Unknown_names_are_refused()
    {
        Assert.False(SodaTypeNames.TryParse("varchar", out _));
        Assert.False(SodaTypeNames.TryParse(null, out _));
    }
}
