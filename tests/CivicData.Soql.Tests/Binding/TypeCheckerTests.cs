using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Soql.Diagnostics;
using CivicData.Soql.Tests.Support;

namespace CivicData.Soql.Tests.Binding;

public sealed class TypeCheckerTests
{
    [Theory]
    [InlineData("[nmae] > 3", "query.soql.no-such-column", "No column named 'nmae'.")]
    [InlineData("make = 'a' AND [:nope] = 'b'", "query.soql.no-such-column", "No column named ':nope'.")]
    [InlineData("v_max > ['fast']", "query.soql.type-mismatch", "The literal cannot be read as number.")]
    [InlineData("available > ['yesterday']", "query.soql.type-mismatch", "The literal cannot be read as floating_timestamp.")]
    [InlineData("make [>] 42", "query.soql.type-mismatch", "Operator '>' is not defined for text and number.")]
    [InlineData("[v_max + 1]", "query.soql.non-boolean-where", "WHERE must be a boolean (checkbox) expression, not number.")]
    [InlineData("[frobnicate](make)", "query.soql.no-such-function", "No function named 'frobnicate' taking 1 argument(s).")]
    [InlineData("[upper](make, name) = 'A'", "query.soql.no-such-function", "No function named 'upper' taking 2 argument(s).")]
    [InlineData("upper([v_max]) = 'A'", "query.soql.type-mismatch", "Function 'upper' does not accept an argument of type number.")]
    [InlineData("[count(*)] > 1", "query.soql.aggregate-in-ungrouped-context", "Aggregate functions are not allowed in WHERE.")]
    [InlineData("location [=] location", "query.soql.type-mismatch", "Operator '=' is not defined for point and point.")]
    [InlineData("v_max::[pointy] = 1", "query.soql.type-mismatch", "Unknown type 'pointy'.")]
    [InlineData("[v_max::point] IS NULL", "query.soql.type-mismatch", "Cannot cast number to point.")]
    [InlineData("[available::number] > 1", "query.soql.type-mismatch", "Cannot cast floating_timestamp to number.")]
    public void Where_errors_carry_code_message_and_span(string marked, string code, string message)
    {
        AnnotatedText annotated = AnnotatedText.Parse(marked);

        Diagnostic diagnostic = Compile.Diagnostics(new SoqlRequest { Where = annotated.Text })[0];

        Assert.Equal(code, diagnostic.ErrorCode);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(annotated.Span, diagnostic.Location!.Value.Span);
    }

    [Fact]
    public void Non_aggregate_select_expression_must_be_grouped()
    {
        AnnotatedText annotated = AnnotatedText.Parse("make, [name], count(*)");

        Diagnostic diagnostic = Compile.Diagnostics(new SoqlRequest { Select = annotated.Text, Group = "make" })[0];

        Assert.Equal("query.soql.column-not-in-group-bys", diagnostic.ErrorCode);
        Assert.Equal(annotated.Span, diagnostic.Location!.Value.Span);
        Assert.Equal("name", diagnostic.Data["column"]);
    }

    [Fact]
    public void Aggregate_without_group_by_makes_bare_columns_an_error()
    {
        Assert.Equal("query.soql.column-not-in-group-bys", Compile.Error(new SoqlRequest { Select = "make, count(*)" }).Code);
    }

    [Fact]
    public void Expressions_composed_of_group_bys_are_allowed()
    {
        CompiledQuery query = Compile.Request(new SoqlRequest { Select = "upper(make) || '!', make, count(*)", Group = "make" });

        Assert.Equal(["upper_make", "make", "count"], query.Columns.Select(column => column.Name));
    }

    [Fact]
    public void Aggregate_in_group_by_is_an_error_even_through_an_alias()
    {
        Assert.Equal("query.soql.aggregate-in-ungrouped-context", Compile.Error(new SoqlRequest { Select = "count(*) AS n", Group = "n" }).Code);
        Assert.Equal("query.soql.aggregate-in-ungrouped-context", Compile.Error(new SoqlRequest { Group = "count(*)" }).Code);
    }

    [Fact]
    public void Having_must_be_boolean()
    {
        QueryError error = Compile.Error(new SoqlRequest { Select = "make, count(*)", Group = "make", Having = "count(*)" });

        Assert.Equal("query.soql.non-boolean-having", error.Code);
        Assert.Equal("$having", error.Details["clause"]);
    }

    [Theory]
    [InlineData("make AS m, name AS [m]")]
    [InlineData("make AS [name]")]
    [InlineData("make AS x, name AS [X]")]
    public void Explicit_aliases_must_be_unique_and_not_name_another_column(string marked)
    {
        AnnotatedText annotated = AnnotatedText.Parse(marked);

        Diagnostic diagnostic = Compile.Diagnostics(new SoqlRequest { Select = annotated.Text })[0];

        Assert.Equal("query.soql.duplicate-alias", diagnostic.ErrorCode);
        Assert.Equal(annotated.Span, diagnostic.Location!.Value.Span);
    }

    [Fact]
    public void Aliasing_a_column_to_its_own_name_is_allowed()
    {
        Assert.Equal(["make"], Compile.Request(new SoqlRequest { Select = "make AS make" }).Columns.Select(column => column.Name));
    }

    [Fact]
    public void Implicit_aliases_follow_soda_rules_and_avoid_collisions()
    {
        CompiledQuery query = Compile.Request(new SoqlRequest
        {
            Select = "make, count(*), count(name), date_trunc_ym(available), count(distinct make), v_max + ratio, make IS NULL, v_max::text, count(*), upper(`Make`), make AS count_1",
            Group = "make, date_trunc_ym(available), v_max + ratio, v_max",
        });

        Assert.Equal(
            ["make", "count", "count_name", "date_trunc_ym_available", "count_distinct_make", "v_max_ratio", "make_is_null", "v_max_text", "count_2", "upper_make", "count_1"],
            query.Columns.Select(column => column.Name));
    }

    [Fact]
    public void Result_types_follow_the_functions()
    {
        CompiledQuery query = Compile.Request(new SoqlRequest
        {
            Select = "count(*), avg(v_max), sum(ratio), max(date_trunc_ymd(inspected)), max(available), min(name)",
        });

        Assert.Equal(
            [SodaType.Number, SodaType.Number, SodaType.Double, SodaType.FloatingTimestamp, SodaType.FloatingTimestamp, SodaType.Text],
            query.Columns.Select(column => column.Type));
        Assert.Equal(SodaType.Checkbox, Compile.Request(new SoqlRequest { Select = "v_max > 3" }).Columns[0].Type);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("ten")]
    [InlineData("50001")]
    [InlineData("")]
    public void Bad_or_too_large_limits_are_invalid_limit(string limit)
    {
        QueryError error = Compile.Error(new SoqlRequest { Limit = limit });

        Assert.Equal("query.soql.invalid-limit", error.Code);
    }

    [Fact]
    public void Without_a_cap_any_limit_is_accepted()
    {
        Assert.Equal(1_000_000L, Compile.Request(new SoqlRequest { Limit = "1000000", MaxLimit = null }).Statement.Parameters[0].Value);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("x")]
    public void Bad_offsets_are_invalid_offset(string offset)
    {
        Assert.Equal("query.soql.invalid-offset", Compile.Error(new SoqlRequest { Offset = offset }).Code);
    }

    [Fact]
    public void Limit_in_a_whole_query_is_checked_too()
    {
        Assert.Equal("query.soql.invalid-limit", Compile.Error(new SoqlRequest { Query = "SELECT make LIMIT 60000" }).Code);
        Assert.Equal("query.soql.invalid-limit", Compile.Error(new SoqlRequest { Query = "SELECT make LIMIT 1.5" }).Code);
    }

    [Fact]
    public void Query_cannot_be_combined_with_clause_parameters()
    {
        QueryError error = Compile.Error(new SoqlRequest { Query = "SELECT make", Where = "v_max > 1" });

        Assert.Equal("query.compiler.malformed", error.Code);
    }

    [Fact]
    public void Simple_filter_on_unknown_field_is_no_such_column()
    {
        QueryError error = Compile.Error(new SoqlRequest { SimpleFilters = [new("colour", "red")] });

        Assert.Equal("query.soql.no-such-column", error.Code);
        Assert.Equal("colour", error.Details["column"]);
    }

    [Fact]
    public void Simple_filter_value_that_does_not_fit_the_column_is_a_type_mismatch()
    {
        Assert.Equal("query.soql.type-mismatch", Compile.Error(new SoqlRequest { SimpleFilters = [new("v_max", "fast")] }).Code);
        Assert.Equal("query.soql.type-mismatch", Compile.Error(new SoqlRequest { SimpleFilters = [new("location", "POINT (1 2)")] }).Code);
    }

    [Fact]
    public void Error_details_hold_query_clause_and_position()
    {
        QueryError error = Compile.Error(new SoqlRequest { Select = "make,\n  bogus" });

        Assert.Equal("query.soql.no-such-column", error.Code);
        Assert.Equal("make,\n  bogus", error.Details["query"]);
        Assert.Equal("$select", error.Details["clause"]);
        Assert.Equal("bogus", error.Details["column"]);
        var position = Assert.IsType<Dictionary<string, object?>>(error.Details["position"]);
        Assert.Equal((2, 3), ((int)position["line"]!, (int)position["column"]!));
    }

    [Fact]
    public void Description_reads_as_english()
    {
        CompiledQuery query = Compile.Request(new SoqlRequest { Where = "v_max > 50", Order = "v_max DESC", SimpleFilters = [new("make", "APCO")] });

        Assert.Equal("All columns of rows where v_max > 50 and make is 'APCO', ordered by v_max descending, at most 1000 rows", query.Description);
    }
}
