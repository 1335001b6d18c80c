using CivicData.Catalog.Sqlite;

namespace CivicData.Catalog.Tests.Sqlite;

public sealed class FullTextQueryTests
{
    [Theory]
    [InlineData("inspect", "\"inspect\"*")]
    [InlineData("food  inspections", "\"food\"* AND \"inspections\"*")]
    [InlineData("NEAR(a OR -b)", "\"NEAR\"* AND \"a\"* AND \"OR\"* AND \"b\"*")]
    [InlineData("\"quoted\" phrase*", "\"quoted\"* AND \"phrase\"*")]
    [InlineData("title:x", "\"title\"* AND \"x\"*")]
    [InlineData("inspection_date", "\"inspection\"* AND \"date\"*")]
    [InlineData("café 311", "\"café\"* AND \"311\"*")]
    [InlineData("naïve", "\"naïve\"*")]
    [InlineData("e\u0301t\u0301e\u0301", "\"e\u0301t\u0301e\u0301\"*")] // letters with combining accents stay one word
    [InlineData("東京 データ", "\"東京\"* AND \"データ\"*")]
    [InlineData("𝔘𝔫𝔦", "\"𝔘𝔫𝔦\"*")] // letters outside the BMP
    public void Words_become_quoted_prefix_tokens_joined_by_and(string text, string expected)
    {
        Assert.Equal(expected, FullTextQuery.ToMatchExpression(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("* - ( ) : ^ + { }")]
    [InlineData("\u0301\u0301")]
    [InlineData("\uD800")]
    [InlineData("😀")]
    public void Text_without_letters_or_digits_has_no_expression(string? text)
    {
        Assert.Null(FullTextQuery.ToMatchExpression(text));
    }

    [Fact]
    public void Long_words_are_cut_and_extra_words_dropped()
    {
        string text = new string('a', 100) + " " + string.Join(' ', Enumerable.Range(0, 30).Select(i => $"w{i}"));

        string expression = FullTextQuery.ToMatchExpression(text)!;

        Assert.StartsWith("\"" + new string('a', 64) + "\"* AND \"w0\"*", expression, StringComparison.Ordinal);
        Assert.EndsWith("\"w14\"*", expression, StringComparison.Ordinal);
        Assert.Equal(16, expression.Split(" AND ").Length);
    }
}
