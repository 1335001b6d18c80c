using CivicData.Core;
using CivicData.Soql.Ast;
using CivicData.Soql.Diagnostics;
using CivicData.Soql.Syntax;
using CivicData.Soql.Tests.Support;
using CivicData.Soql.Text;

namespace CivicData.Soql.Tests.Syntax;

public sealed class ParserTests
{
    [Fact]
    public void And_binds_tighter_than_or()
    {
        Expression expression = ParseWhere("a = 1 or b = 2 and c = 3");

        BinaryExpression or = Assert.IsType<BinaryExpression>(expression);
        Assert.Equal(TokenKind.OrKeyword, or.OperatorToken.Kind);
        Assert.Equal(TokenKind.AndKeyword, Assert.IsType<BinaryExpression>(or.Right).OperatorToken.Kind);
    }

    [Fact]
    public void Multiplication_binds_tighter_than_addition_and_power_is_right_associative()
    {
        BinaryExpression plus = Assert.IsType<BinaryExpression>(ParseWhere("1 + 2 * 3"));
        Assert.Equal(TokenKind.Star, Assert.IsType<BinaryExpression>(plus.Right).OperatorToken.Kind);

        BinaryExpression power = Assert.IsType<BinaryExpression>(ParseWhere("2 ^ 3 ^ 2"));
        Assert.IsType<LiteralExpression>(power.Left);
        Assert.IsType<BinaryExpression>(power.Right);
    }

    [Fact]
    public void Not_applies_to_the_whole_comparison()
    {
        UnaryExpression not = Assert.IsType<UnaryExpression>(ParseWhere("NOT a = 1"));

        Assert.IsType<BinaryExpression>(not.Operand);
    }

    [Fact]
    public void Between_takes_its_and_before_the_boolean_and()
    {
        BinaryExpression and = Assert.IsType<BinaryExpression>(ParseWhere("a BETWEEN 1 AND 2 AND b IS NOT NULL"));

        Assert.IsType<BetweenExpression>(and.Left);
        Assert.True(Assert.IsType<IsNullExpression>(and.Right).IsNegated);
    }

    [Fact]
    public void Negated_predicates_parse()
    {
        Assert.True(Assert.IsType<InExpression>(ParseWhere("a NOT IN ('x', 'y')")).IsNegated);
        Assert.True(Assert.IsType<LikeExpression>(ParseWhere("a NOT LIKE 'x%'")).IsNegated);
        Assert.True(Assert.IsType<BetweenExpression>(ParseWhere("a NOT BETWEEN 1 AND 2")).IsNegated);
    }

    [Fact]
    public void Casts_bind_tighter_than_unary_minus()
    {
        UnaryExpression minus = Assert.IsType<UnaryExpression>(ParseWhere("-a::number"));

        Assert.IsType<CastExpression>(minus.Operand);
    }

    [Fact]
    public void Count_star_and_count_distinct_parse()
    {
        Assert.True(Assert.IsType<FunctionCall>(ParseWhere("count(*)")).IsStar);
        FunctionCall distinct = Assert.IsType<FunctionCall>(ParseWhere("count(DISTINCT make)"));
        Assert.True(distinct.IsDistinct);
        Assert.Single(distinct.Arguments);
    }

    [Fact]
    public void Order_items_read_direction_and_null_placement()
    {
        var bag = new DiagnosticBag();
        OrderByItem[] items = [.. Parser.ParseOrderBy(SourceText.From("a desc, b NULLS FIRST, c asc null last, d", "$order"), bag)];

        Assert.Empty(bag);
        Assert.Equal([true, false, false, false], items.Select(item => item.IsDescending));
        Assert.Equal([null, true, false, null], items.Select(item => item.NullsFirst));
    }

    [Fact]
    public void A_whole_query_parses_every_clause()
    {
        var bag = new DiagnosticBag();
        QuerySyntax query = Parser.ParseQuery(SourceText.From(
            "SELECT make, count(*) AS n WHERE v_max > 1 GROUP BY make HAVING n > 1 ORDER BY make SEARCH 'x' LIMIT 5 OFFSET 2", "$query"), bag);

        Assert.Empty(bag);
        Assert.Equal(2, query.Select!.Items.Length);
        Assert.NotNull(query.Where);
        Assert.Single(query.GroupBy);
        Assert.NotNull(query.Having);
        Assert.Single(query.OrderBy);
        Assert.Equal("x", query.Search!.Value);
        Assert.Equal("5", query.Limit!.Text);
        Assert.Equal("2", query.Offset!.Text);
    }

    [Theory]
    [InlineData("$where", "v_max > [)]", "Expected an expression but found ')'.")]
    [InlineData("$where", "v_max >[]", "Expected an expression but found end of input.")]
    [InlineData("$where", "v_max > 1 [v_max]", "Expected end of input but found 'v_max'.")]
    [InlineData("$where", "upper(make[]", "Expected ')' but found end of input.")]
    [InlineData("$where", "make IN ('a' [;]", "Unexpected character ';'.")]
    [InlineData("$where", "make IS [5]", "Expected NULL but found '5'.")]
    [InlineData("$select", "make AS [5]", "Expected an alias but found '5'.")]
    [InlineData("$order", "make desc nulls [middle]", "Expected FIRST or LAST but found 'middle'.")]
    [InlineData("$query", "SELECT make WHERE x = 1 [WHERE]", "Expected end of input but found 'WHERE'.")]
    [InlineData("$query", "SELECT make ORDER BY make [WHERE] x = 1", "Expected end of input but found 'WHERE'.")]
    [InlineData("$query", "SELECT make LIMIT [x]", "Expected a number but found 'x'.")]
    [InlineData("$where", "CASE WHEN a [END]", "Expected THEN but found 'END'.")]
    [InlineData("$where", "CASE WHEN a THEN b [)]", "Expected END but found ')'.")]
    [InlineData("$where", "CASE [ELSE] 1 END", "Expected WHEN but found 'ELSE'.")]
    [InlineData("$where", "location.[5]", "Expected a field name but found '5'.")]
    [InlineData("$where", "make = 1 [|>] SELECT make", "Expected end of input but found '|>'.")]
    [InlineData("$query", "SELECT make |> WHERE [|>] x", "Expected an expression but found '|>'.")]
    public void Syntax_errors_are_malformed_and_point_at_the_problem(string clause, string marked, string message)
    {
        AnnotatedText annotated = AnnotatedText.Parse(marked);
        SoqlRequest request = clause switch
        {
            "$where" => new SoqlRequest { Where = annotated.Text },
            "$select" => new SoqlRequest { Select = annotated.Text },
            "$order" => new SoqlRequest { Order = annotated.Text },
            _ => new SoqlRequest { Query = annotated.Text },
        };
        Diagnostic diagnostic = Compile.Diagnostics(request)[0];

        Assert.Equal(DiagnosticCode.Malformed, diagnostic.Code);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(clause, diagnostic.Location!.Value.Source.Clause);
        Assert.Equal(annotated.Span, diagnostic.Location!.Value.Span);
    }

    [Fact]
    public void Malformed_error_carries_query_and_line_and_column()
    {
        var error = Compile.Error(new SoqlRequest { Where = "make = 'a'\n  AND v_max >" });

        Assert.Equal("query.compiler.malformed", error.Code);
        Assert.Equal("make = 'a'\n  AND v_max >", error.Details["query"]);
        var position = Assert.IsType<Dictionary<string, object?>>(error.Details["position"]);
        Assert.Equal(2, position["line"]);
        Assert.Equal(14, position["column"]);
    }

    [Theory]
    [InlineData("(", 5000)]
    [InlineData("- ", 5000)]
    [InlineData("NOT ", 5000)]
    [InlineData("upper(", 5000)]
    public void Deep_nesting_is_malformed_not_a_crash(string opener, int count)
    {
        string where = string.Concat(Enumerable.Repeat(opener, count)) + "make";

        QueryError error = Compile.Error(new SoqlRequest { Where = where });

        Assert.Equal("query.compiler.malformed", error.Code);
    }

    [Fact]
    public void Long_or_chains_are_limited_but_moderate_ones_compile()
    {
        string Chain(int n) => string.Join(" OR ", Enumerable.Range(0, n).Select(i => $"v_max = {i}"));

        Assert.Equal(200, Compile.Request(new SoqlRequest { Where = Chain(200) }).Statement.Parameters.Length - 2);
        Assert.Equal("query.compiler.malformed", Compile.Error(new SoqlRequest { Where = Chain(5000) }).Code);
    }

    private static Expression ParseWhere(string text)
    {
        var bag = new DiagnosticBag();
        Expression expression = Parser.ParseExpression(SourceText.From(text, "$where"), bag);
        Assert.Empty(bag);
        return expression;
    }
}
