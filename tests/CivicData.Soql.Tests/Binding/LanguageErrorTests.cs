using CivicData.Core.Schema;
using CivicData.Soql.Binding;
using CivicData.Soql.Binding.BoundNodes;
using CivicData.Soql.Diagnostics;
using CivicData.Soql.Functions;
using CivicData.Soql.Lowering;
using CivicData.Soql.Syntax;
using CivicData.Soql.Tests.Support;
using CivicData.Soql.Text;

namespace CivicData.Soql.Tests.Binding;

/// <summary>The §9 error codes of the newer language features, each pointing at its span; and the lowering passes.</summary>
public sealed class LanguageErrorTests
{
    /// <summary>soda.md §6.8 functions this compiler does not implement: each answers no-such-function (docs/api.md lists them).</summary>
    public static TheoryData<string> UnimplementedFunctions() =>
    [
        "crosses(area, area)", "overlaps(area, area)", "concave_hull(area, 0.5)", "spatial_union(area)", "area(area)",
        "geo_make_valid(area)", "geo_multi(area)", "reduce_precision(area, 1)", "snap_to_grid(area, 1)", "is_empty(area)",
        "polygon_intersection(area, area)", "visible_at(area, 1)", "date_diff_business_days(available, available)", "url(name, name)",
        "human_address(name)", "location(name)", "get_context('x')", "row_number()", "rank()", "dense_rank()",
    ];

    [Theory]
    [MemberData(nameof(UnimplementedFunctions))]
    public void Unimplemented_functions_answer_no_such_function(string call)
    {
        Diagnostic diagnostic = Compile.Diagnostics(new SoqlRequest { Select = call })[0];

        Assert.Equal("query.soql.no-such-function", diagnostic.ErrorCode);
        Assert.Equal(call[..call.IndexOf('(', StringComparison.Ordinal)], diagnostic.Data["function"]);
    }

    [Theory]
    [InlineData("$select", "a AS b, [b] AS a", "query.soql.circular-alias", "The alias 'b' refers to itself.")]
    [InlineData("$select", "make AS [:x]", "query.soql.reserved-alias", "The alias ':x' is reserved: aliases may not start with ':'.")]
    [InlineData("$order", "[location]", "query.soql.unorderable-order-by", "Values of type point cannot be ordered.")]
    [InlineData("$group", "[area]", "query.soql.non-groupable-group-by", "Values of type polygon cannot be grouped.")]
    [InlineData("$where", "location.[altitude] > 1", "query.soql.no-such-function", "Values of type point have no field 'altitude'.")]
    [InlineData("$where", "available + [5] > '2012-01-01'", "query.soql.type-mismatch", "An interval must be an ISO-8601 period literal such as 'P1DT2H'.")]
    [InlineData("$where", "date_add(available, ['P1X']) > '2012-01-01'", "query.soql.type-mismatch", "An interval must be an ISO-8601 period literal such as 'P1DT2H'.")]
    [InlineData("$where", "to_floating_timestamp(inspected, ['Mars/Olympus']) > '2012-01-01'", "query.soql.type-mismatch", "Unknown time zone 'Mars/Olympus'.")]
    [InlineData("$where", "CASE WHEN active THEN 1 ELSE ['x'] END > 0", "query.soql.type-mismatch", "The literal cannot be read as number.")]
    [InlineData("$where", "coalesce(v_max, [make]) > 0", "query.soql.type-mismatch", "All values of 'coalesce' must have one type; found number and text.")]
    [InlineData("$where", "CASE WHEN [v_max] THEN 1 END > 0", "query.soql.type-mismatch", "Function 'case' does not accept an argument of type number.")]
    [InlineData("$where", "[case](active, 1, 2) > 0", "query.soql.no-such-function", "No function named 'case' taking 3 argument(s).")]
    [InlineData("$where", "v_max::[time] IS NULL", "query.soql.no-such-function", "No function named '::time'.")]
    public void Errors_carry_their_code_message_and_span(string clause, string marked, string code, string message)
    {
        AnnotatedText annotated = AnnotatedText.Parse(marked);
        SoqlRequest request = clause switch
        {
            "$select" => new SoqlRequest { Select = annotated.Text },
            "$order" => new SoqlRequest { Order = annotated.Text },
            "$group" => new SoqlRequest { Select = "count(*)", Group = annotated.Text },
            _ => new SoqlRequest { Where = annotated.Text },
        };

        Diagnostic diagnostic = Compile.Diagnostics(request)[0];

        Assert.Equal((code, message), (diagnostic.ErrorCode, diagnostic.Message));
        Assert.Equal(annotated.Span, diagnostic.Location!.Value.Span);
    }

    [Fact]
    public void Distinct_order_by_must_use_selected_expressions()
    {
        AnnotatedText annotated = AnnotatedText.Parse("SELECT DISTINCT make ORDER BY [name]");

        Diagnostic diagnostic = Compile.Diagnostics(new SoqlRequest { Query = annotated.Text })[0];

        Assert.Equal("query.soql.unorderable-order-by", diagnostic.ErrorCode);
        Assert.Equal(annotated.Span, diagnostic.Location!.Value.Span);
    }

    [Fact]
    public void Chained_stages_see_only_the_previous_output()
    {
        AnnotatedText annotated = AnnotatedText.Parse("SELECT make AS m |> SELECT [name]");

        Diagnostic diagnostic = Compile.Diagnostics(new SoqlRequest { Query = annotated.Text })[0];

        Assert.Equal("query.soql.no-such-column", diagnostic.ErrorCode);
        Assert.Equal(annotated.Span, diagnostic.Location!.Value.Span);
    }

    [Fact]
    public void Output_names_of_new_expressions_follow_the_implicit_alias_rule()
    {
        CompiledQuery query = Compile.Request(new SoqlRequest
        {
            Select = "location.latitude, coalesce(v_max, 0), CASE WHEN active THEN 1 END, available + 'P1D'",
        });

        Assert.Equal(["location_latitude", "coalesce_v_max_0", "case_when_active_then_1_end", "available_p1d"],
            query.Columns.Select(column => column.Name));
        Assert.Equal([SodaType.Number, SodaType.Number, SodaType.Number, SodaType.FloatingTimestamp],
            query.Columns.Select(column => column.Type));
        Assert.Equal(["count_distinct_make"], Compile.Request(new SoqlRequest { Select = "count_distinct(make)" }).Columns.Select(column => column.Name));
    }

    [Fact]
    public void Chained_query_renders_the_source_as_a_subquery_with_its_order()
    {
        CompiledQuery query = Compile.Request(new SoqlRequest { Query = "SELECT make AS m WHERE v_max > 1 |> SELECT m WHERE m = 'APCO'" });

        Assert.Equal(
            "SELECT \"_c1\" FROM (SELECT \"make\" AS \"_c1\", row_number() OVER (ORDER BY \":seq\" ASC) AS \"_ordinal\" FROM \"ds_abcd_1234_v1\" "
            + "WHERE (\"v_max\" > $1) ORDER BY \":seq\" ASC OFFSET $2) AS \"_source\" WHERE (\"_c1\" = $3) ORDER BY \"_ordinal\" ASC LIMIT $4 OFFSET $5",
            query.Statement.Text);
        Assert.Equal([1d, 0L, "APCO", 1000L, 0L], query.Statement.Parameters.Select(parameter => parameter.Value));
    }

    [Fact]
    public void Between_is_lowered_to_two_comparisons_and_an_unchanged_tree_is_kept()
    {
        var bag = new DiagnosticBag();
        var syntax = new Ast.QuerySyntax(null, Parser.ParseExpression(SourceText.From("v_max BETWEEN 1 AND 2", "$where"), bag), [], null, [], null, null, null);
        BoundQuery bound = TypeChecker.BindChain(syntax, new QueryOptions(), TestSchema.Vehicles, FunctionCatalog.Default, bag);

        BoundQuery lowered = Lowerer.Lower(bound);

        BoundBinaryExpression and = Assert.IsType<BoundBinaryExpression>(lowered.Where);
        Assert.Equal(BoundBinaryOperatorKind.And, and.OperatorKind);
        Assert.Same(((BoundBinaryExpression)and.Left).Left, ((BoundBinaryExpression)and.Right).Left);
        Assert.Same(lowered, Lowerer.Lower(lowered));
    }
}
