using CivicData.Core.Datasets;

namespace CivicData.Core.Tests.Datasets;

public sealed class DatasetIdTests
{
    [Theory]
    [InlineData("ydr8-5enu")]
    [InlineData("abcd-1234")]
    [InlineData("0000-zzzz")]
    public void Four_by_four_ids_parse(string text)
    {
        Assert.True(DatasetId.TryParse(text, out DatasetId id));
        Assert.Equal(text, id.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCD-1234")]
    [InlineData("abcd1234")]
    [InlineData("abcd-12345")]
    [InlineData("abc-12345")]
    [InlineData("abcd_1234")]
    [InlineData("ab'd-1234")]
    [InlineData("abcd-12é4")]
    public void Anything_else_is_not_an_id(string? text)
    {
        Assert.False(DatasetId.TryParse(text, out _));
    }

    [Fact]
    public void Parse_of_a_bad_id_is_a_validation_error()
    {
        ValidationError error = Assert.Throws<ValidationError>(() => DatasetId.Parse("nope"));

        Assert.Equal("dataset.invalid-id", error.Code);
    }

    [Fact]
    public void New_ids_are_valid_and_avoid_look_alike_characters()
    {
        var ids = Enumerable.Range(0, 500).Select(_ => DatasetId.NewRandom()).ToList();

        Assert.All(ids, id => Assert.True(DatasetId.TryParse(id.Value, out _)));
        Assert.All(ids, id => Assert.DoesNotContain(id.Value, c => c is 'l' or 'o' or '0' or '1'));
        Assert.Equal(500, ids.Distinct().Count());
    }
}
