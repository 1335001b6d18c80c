using CivicData.Core;
using CivicData.Web.Soda;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CivicData.Web.Tests.Soda;

public sealed class SodaRequestParserTests
{
    [Fact]
    public void Dollar_parameters_become_soql_clauses()
    {
        SodaQueryString parsed = Parse("?$select=a,b&$where=a>1&$order=b DESC&$group=a&$having=count(*)>1&$limit=5&$offset=10&$q=park");

        Assert.Equal("a,b", parsed.Request.Select);
        Assert.Equal("a>1", parsed.Request.Where);
        Assert.Equal("b DESC", parsed.Request.Order);
        Assert.Equal("a", parsed.Request.Group);
        Assert.Equal("count(*)>1", parsed.Request.Having);
        Assert.Equal("5", parsed.Request.Limit);
        Assert.Equal("10", parsed.Request.Offset);
        Assert.Equal("park", parsed.Request.Search);
        Assert.Empty(parsed.Request.SimpleFilters);
    }

    [Fact]
    public void Other_parameters_are_simple_filters_and_repeats_are_kept()
    {
        SodaQueryString parsed = Parse("?ward=3&status=Open&status=Closed");

        Assert.Equal(
            [new("ward", "3"), new("status", "Open"), new("status", "Closed")],
            parsed.Request.SimpleFilters);
    }

    [Fact]
    public void Double_dollar_options_are_read_and_unknown_ones_ignored()
    {
        SodaQueryString parsed = Parse("?$$exclude_system_fields=false&$$bom=true&$$app_token=x&$$version=2.1");

        Assert.True(parsed.Request.IncludeSystemFields);
        Assert.True(parsed.ByteOrderMark);
        Assert.Empty(parsed.Request.SimpleFilters);
        Assert.False(Parse("?$$exclude_system_fields=true").Request.IncludeSystemFields);
    }

    [Fact]
    public void Unknown_dollar_parameter_is_a_query_error()
    {
        QueryError error = Assert.Throws<QueryError>(() => Parse("?$selekt=a"));

        Assert.Equal("query.soql.unknown-parameter", error.Code);
    }

    private static SodaQueryString Parse(string queryString) =>
        SodaRequestParser.Parse(new QueryCollection(QueryHelpers.ParseQuery(queryString)));
}
