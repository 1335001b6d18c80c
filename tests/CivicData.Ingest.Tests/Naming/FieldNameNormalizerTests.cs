using CivicData.Ingest.Naming;

namespace CivicData.Ingest.Tests.Naming;

public sealed class FieldNameNormalizerTests
{
    [Theory]
    [InlineData("SRNumber", "srnumber")]
    [InlineData("Created Date", "created_date")]
    [InlineData("Zip-Code", "zip_code")]
    [InlineData("% Done", "done")]
    [InlineData("2018 Count", "_2018_count")]
    [InlineData("  Padded  Name  ", "padded_name")]
    [InlineData("a -- b", "a_b")]
    [InlineData("__x__", "x")]
    [InlineData("Café", "caf")]
    [InlineData("", "column")]
    [InlineData("%%%", "column")]
    [InlineData("Minimum_Score", "minimum_score")]
    public void A_name_is_lower_cased_and_runs_of_other_characters_become_one_underscore(string displayName, string expected)
    {
        Assert.Equal([expected], FieldNameNormalizer.Normalize([displayName]).ToArray());
    }

    [Fact]
    public void Repeated_names_get_numbered_suffixes_in_order()
    {
        Assert.Equal(["a", "a_1", "a_2", "b"], FieldNameNormalizer.Normalize(["a", "A", "a ", "b"]).ToArray());
    }

    [Fact]
    public void A_suffix_skips_names_that_another_column_already_has()
    {
        Assert.Equal(["a", "a_2", "a_1", "a_3"], FieldNameNormalizer.Normalize(["a", "a", "a_1", "a"]).ToArray());
    }

    [Fact]
    public void Empty_names_become_column_column_1_and_so_on()
    {
        Assert.Equal(["column", "column_1", "x"], FieldNameNormalizer.Normalize(["", " ", "x"]).ToArray());
    }

    [Fact]
    public void The_la_311_header_normalises_to_distinct_lower_case_names()
    {
        string[] header = ["SRNumber", "CreatedDate", "ZipCode", "CD", "CDMember", "NC", "NCName"];

        Assert.Equal(["srnumber", "createddate", "zipcode", "cd", "cdmember", "nc", "ncname"], FieldNameNormalizer.Normalize(header).ToArray());
    }

    [Theory]
    [InlineData("CreatedDate", "Created Date")]
    [InlineData("SRNumber", "SR Number")]
    [InlineData("NCName", "NC Name")]
    [InlineData("MobileOS", "Mobile OS")]
    [InlineData("CD", "CD")]
    [InlineData("zipCode", "zip Code")]
    [InlineData("  Created Date ", "Created Date")]
    [InlineData("business_id", "business_id")]
    [InlineData("Minimum_Score", "Minimum_Score")]
    [InlineData("latitude", "latitude")]
    [InlineData("", "")]
    public void A_display_name_splits_camel_case_and_keeps_everything_else(string sourceName, string expected)
    {
        Assert.Equal(expected, FieldNameNormalizer.ToDisplayName(sourceName));
    }
}
