using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Soql.Ast;
using CivicData.Soql.Binding;
using CivicData.Soql.Binding.BoundNodes;
using CivicData.Soql.Diagnostics;
using CivicData.Soql.Functions;
using CivicData.Soql.Lowering;
using CivicData.Soql.Rendering;
using CivicData.Soql.Rendering.Dialects;
using CivicData.Soql.Rendering.Sql;
using CivicData.Soql.Syntax;
using CivicData.Soql.Text;

namespace CivicData.Soql;

/// <summary>The one entry to the SoQL compiler: request + schema + dialect → SQL with parameters, or errors.</summary>
public static class SoqlCompiler
{
    /// <summary>Just under decimal.MaxValue: PostgreSQL binds numbers as decimal parameters.</summary>
    private const double MaxStorableNumber = 7.9e28;

    /// <summary>Compiles a request, throwing <see cref="QueryError"/> (Socrata code, message, details) for the first error.</summary>
    public static CompiledQuery Compile(SoqlRequest request, TableSchema schema, ISqlDialect dialect)
    {
        if (TryCompile(request, schema, dialect, out CompiledQuery? query, out ImmutableArray<Diagnostic> diagnostics))
        {
            return query;
        }

        throw ToQueryError(diagnostics[0]);
    }

    /// <summary>Compiles a request; on failure returns false and every diagnostic, in the order found.</summary>
    public static bool TryCompile(
        SoqlRequest request,
        TableSchema schema,
        ISqlDialect dialect,
        [NotNullWhen(true)] out CompiledQuery? query,
        out ImmutableArray<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(dialect);

        var bag = new DiagnosticBag();
        (QuerySyntax syntax, QueryOptions options) = Parse(request, bag);
        query = null;
        if (bag.HasErrors)
        {
            diagnostics = bag.ToImmutableArray();
            return false;
        }

        BoundQuery bound = TypeChecker.BindChain(syntax, options, schema, FunctionCatalog.Default, bag);
        if (bag.HasErrors)
        {
            diagnostics = bag.ToImmutableArray();
            return false;
        }

        bound = Lowerer.Lower(bound);
        SqlStatement statement = SqlRenderer.Render(bound, dialect);
        CheckStorable(statement, bag);
        if (bag.HasErrors)
        {
            diagnostics = bag.ToImmutableArray();
            return false;
        }

        ImmutableArray<OutputColumn> columns = [.. bound.Select.Select(item => new OutputColumn(item.Name, item.Expression.Type))];
        query = new CompiledQuery(statement, columns, QueryDescriber.Describe(syntax, options, bound));
        diagnostics = [];
        return true;
    }

    /// <summary>
    /// Every value ends as a parameter, so this is the one place to refuse values no engine can bind: text with half a
    /// surrogate pair (not encodable as UTF-8) and numbers beyond what a decimal parameter holds.
    /// </summary>
    private static void CheckStorable(SqlStatement statement, DiagnosticBag bag)
    {
        foreach (SqlParameterValue parameter in statement.Parameters)
        {
            switch (parameter.Value)
            {
                case string text when !Utf16.IsWellFormed(text):
                    bag.ReportUnencodableText();
                    return;
                case double number when Math.Abs(number) >= MaxStorableNumber:
                    bag.ReportNumberOutOfRange(number);
                    return;
            }
        }
    }

    /// <summary>The error a diagnostic becomes at the service boundary.</summary>
    public static QueryError ToQueryError(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        Dictionary<string, object?> details = [];
        foreach ((string key, string value) in diagnostic.Data)
        {
            details[key] = value;
        }

        if (diagnostic.Location is { } location)
        {
            LinePosition start = location.Start;
            details["query"] = location.Source.Text;
            details["clause"] = location.Source.Clause;
            details["position"] = new Dictionary<string, object?> { ["line"] = start.Line, ["column"] = start.Column };
        }

        return new QueryError(diagnostic.ErrorCode, diagnostic.Message, details);
    }

    private static (QuerySyntax Syntax, QueryOptions Options) Parse(SoqlRequest request, DiagnosticBag bag)
    {
        var options = new QueryOptions
        {
            SimpleFilters = request.SimpleFilters,
            IncludeSystemFields = request.IncludeSystemFields,
            DefaultLimit = request.DefaultLimit,
            MaxLimit = request.MaxLimit,
        };

        if (request.Query is not null)
        {
            if (request.Select is not null || request.Where is not null || request.Order is not null || request.Group is not null
                || request.Having is not null || request.Limit is not null || request.Offset is not null || request.Search is not null)
            {
                bag.ReportQueryCombinedWithClauses();
            }

            // SEARCH, LIMIT and OFFSET stay in the syntax: each stage of a chain has its own.
            return (Parser.ParseQuery(SourceText.From(request.Query, "$query"), bag), options);
        }

        SelectClause? select = request.Select is { } selectText ? Parser.ParseSelection(SourceText.From(selectText, "$select"), bag) : null;
        Expression? where = request.Where is { } whereText ? Parser.ParseExpression(SourceText.From(whereText, "$where"), bag) : null;
        ImmutableArray<Expression> groupBy = request.Group is { } groupText ? Parser.ParseExpressionList(SourceText.From(groupText, "$group"), bag) : [];
        Expression? having = request.Having is { } havingText ? Parser.ParseExpression(SourceText.From(havingText, "$having"), bag) : null;
        ImmutableArray<OrderByItem> orderBy = request.Order is { } orderText ? Parser.ParseOrderBy(SourceText.From(orderText, "$order"), bag) : [];
        options = options with
        {
            Search = WholeText(request.Search, "$q"),
            Limit = WholeText(request.Limit, "$limit"),
            Offset = WholeText(request.Offset, "$offset"),
        };
        return (new QuerySyntax(select, where, groupBy, having, orderBy, null, null, null), options);
    }

    private static ClauseValue? WholeText(string? text, string clause)
    {
        if (text is null)
        {
            return null;
        }

        SourceText source = SourceText.From(text, clause);
        return new ClauseValue(text, new TextLocation(source, new TextSpan(0, text.Length)));
    }
}
