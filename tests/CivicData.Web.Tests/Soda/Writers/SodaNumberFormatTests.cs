using CivicData.Web.Soda.Writers;

namespace CivicData.Web.Tests.Soda.Writers;

public sealed class SodaNumberFormatTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(42.0, "42")]
    [InlineData(-118.294017712, "-118.294017712")]
    [InlineData(1.5, "1.5")]
    [InlineData(1e21, "1000000000000000000000")]
    [InlineData(-1.25e22, "-12500000000000000000000")]
    [InlineData(1e-7, "0.0000001")]
    [InlineData(-3.5e-10, "-0.00000000035")]
    [InlineData(1.2345e15, "1234500000000000")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    public void Doubles_print_in_plain_notation_with_their_shortest_round_trip_digits(double value, string expected) =>
        Assert.Equal(expected, SodaNumberFormat.Format(value));

    [Fact]
    public void Negative_zero_prints_as_zero() => Assert.Equal("0", SodaNumberFormat.Format(-0.0));

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Non_finite_doubles_are_spelled_out(double value, string expected) =>
        Assert.Equal(expected, SodaNumberFormat.Format(value));

    [Fact]
    public void Integer_and_decimal_cells_print_without_invented_digits()
    {
        Assert.Equal("18", SodaNumberFormat.Format((object)18L));
        Assert.Equal("1.50", SodaNumberFormat.Format((object)1.50m));
        Assert.Equal("7", SodaNumberFormat.Format((object)7));
    }
}
