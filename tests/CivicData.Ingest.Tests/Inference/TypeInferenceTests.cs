using CivicData.Core.Schema;
using CivicData.Ingest.Inference;
using CivicData.Storage.Loading;

namespace CivicData.Ingest.Tests.Inference;

public sealed class TypeInferenceTests
{
    // NonEmpty 10: checkbox 0, number 10, timestamp 0, WKT point 0, URL 0, GeoJSON 0.
    private static readonly StagedColumnProfile s_numbers = new(0, 10, 0, 10, 0, 0, 0, 0, 1, 9);

    // NonEmpty 10, nine numbers and a value ruled out of every other candidate early (-1).
    private static readonly StagedColumnProfile s_almostNumbers = new(1, 10, -1, 9, -1, -1, -1, -1, 1, 9);

    [Fact]
    public void A_column_whose_every_value_is_a_number_is_a_number_known_to_convert()
    {
        Assert.Equal(SodaType.Number, TypeInference.Infer(s_numbers, hint: null));
        Assert.True(TypeInference.AllValuesConvert(s_numbers, SodaType.Number));
    }

    [Fact]
    public void One_value_that_is_not_a_number_makes_text_and_a_number_override_is_not_known_to_convert()
    {
        Assert.Equal(SodaType.Text, TypeInference.Infer(s_almostNumbers, hint: null));
        Assert.True(TypeInference.AllValuesConvert(s_almostNumbers, SodaType.Text));
        Assert.False(TypeInference.AllValuesConvert(s_almostNumbers, SodaType.Number));
        Assert.False(TypeInference.AllValuesConvert(s_almostNumbers, SodaType.FloatingTimestamp));
    }

    [Fact]
    public void Geometry_types_other_than_point_are_never_known_to_convert()
    {
        Assert.False(TypeInference.AllValuesConvert(s_numbers, SodaType.Polygon));
    }
}
