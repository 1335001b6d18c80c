using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Soql.Rendering.Dialects;
using CivicData.Soql.Rendering.Dialects.DuckDb;
using CivicData.Soql.Rendering.Dialects.Postgres;
using CivicData.Soql.Tests.Engines;
using CivicData.Soql.Tests.Reference;
using CsCheck;

namespace CivicData.Soql.Tests.Differential;

/// <summary>
/// Property tests (style.md §3, test 3): random well-typed queries over random tables give the same rows on DuckDB,
/// on PostgreSQL and in the reference evaluator; ill-typed ones fail only with QueryError; and the SQL text depends
/// only on the query's shape. Comparison: doubles within 1e-9 relative, rows as multisets unless the order is total
/// (generated paged queries always end their ORDER BY with :id or the group keys, so paging is never ambiguous).
/// Counterexamples become fixed cases in <c>Cases/SoqlCaseTable.Queries.cs</c> (AddRegressions).
/// </summary>
public sealed class DifferentialTests(DifferentialFixture engines) : IClassFixture<DifferentialFixture>
{
    /// <summary>Iterations per property: 200, or CIVICDATA_CSCHECK_ITER for a longer hunt.</summary>
    public static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("CIVICDATA_CSCHECK_ITER"), out int iterations) ? iterations : 200;

    private static readonly ISqlDialect[] s_dialects = [DuckDbDialect.Instance, PostgresDialect.Instance];

    [Fact]
    public async Task Both_engines_and_the_reference_agree_on_random_queries()
    {
        await SoqlGenerators.Scenario.Where(scenario => !HitsKnownBug(scenario.Query)).SampleAsync(
            async scenario =>
            {
                (GenTable table, GQuery query) = scenario;
                SoqlRequest request = query.ToRequest();
                RefResult expected = query.ToReference().Evaluate(table.ToRefTable());

                var results = new List<(string Engine, IReadOnlyList<object?[]> Rows, string Sql)>();
                foreach (IQueryEngine engine in engines.Engines)
                {
                    CompiledQuery compiled = SoqlCompiler.Compile(request, table.Schema, engine.Dialect);
                    await engine.CreateTableAsync(table.Schema, table.Rows, CancellationToken.None);
                    results.Add((engine.Name, await engine.QueryAsync(compiled, CancellationToken.None), compiled.Statement.Text));
                }

                // The engines must agree with each other, and then both with the reference.
                (string firstEngine, IReadOnlyList<object?[]> firstRows, string firstSql) = results[0];
                foreach ((string name, IReadOnlyList<object?[]> rows, string sql) in results.Skip(1))
                {
                    ResultComparer.AssertEqual(firstRows, rows, expected.Ordered, $"{name} differs from {firstEngine}\n{firstEngine} SQL: {firstSql}\n{name} SQL: {sql}");
                }

                foreach ((string name, IReadOnlyList<object?[]> rows, string sql) in results)
                {
                    ResultComparer.AssertEqual(expected.Rows, rows, expected.Ordered, $"{name} differs from the reference\nSQL: {sql}");
                }
            },
            iter: Iterations,
            threads: 1,
            seed: Environment.GetEnvironmentVariable("CIVICDATA_CSCHECK_SEED"),
            print: Print);
    }

    [Fact]
    public void Ill_typed_queries_fail_only_with_query_errors()
    {
        IllTyped.Sample(
            scenario =>
            {
                foreach (ISqlDialect dialect in s_dialects)
                {
                    QueryError error = Assert.Throws<QueryError>(() => SoqlCompiler.Compile(scenario.Request, scenario.Table.Schema, dialect));
                    Assert.StartsWith("query.", error.Code, StringComparison.Ordinal);
                }
            },
            iter: Iterations,
            seed: Environment.GetEnvironmentVariable("CIVICDATA_CSCHECK_SEED"),
            print: s => $"{s.Table}\n$select={s.Request.Select}\n$where={s.Request.Where}\n$group={s.Request.Group}\n$order={s.Request.Order}");
    }

    [Fact]
    public void Sql_text_depends_only_on_the_query_shape()
    {
        Gen<(GenTable Table, GQuery Query, int Seed)> gen =
            from scenario in SoqlGenerators.Scenario
            from seed in Gen.Int
            select (scenario.Table, scenario.Query, seed);
        gen.Sample(
            scenario =>
            {
                var random = new Random(scenario.Seed);
                SoqlRequest original = scenario.Query.ToRequest();
                // Literals are renamed injectively: equal literals stay equal (a $select expression must still match its
                // $group key) and different ones stay different, so the shape, including which literals coincide, is kept.
                var renamed = new Dictionary<(SodaType, object), object>();
                var used = new HashSet<(SodaType, object)>();
                SoqlRequest swapped = scenario.Query.ToRequest(literal =>
                {
                    // A negative number is written as '-' and its magnitude, so magnitudes are what is renamed: -1 and
                    // (- 1) must stay the same expression.
                    double sign = literal.Value is double d && d < 0 ? -1 : 1;
                    object key = literal.Value is double number ? Math.Abs(number) : literal.Value;
                    if (!renamed.TryGetValue((literal.LiteralType, key), out object? value))
                    {
                        int attempt = 0;
                        do
                        {
                            value = OtherValue(literal with { Value = key }, random, attempt++);
                        }
                        while (!used.Add((literal.LiteralType, value)));

                        renamed[(literal.LiteralType, key)] = value;
                    }

                    return GLiteral.Write(value is double magnitude ? sign * magnitude : value);
                });
                foreach (ISqlDialect dialect in s_dialects)
                {
                    CompiledQuery a = SoqlCompiler.Compile(original, scenario.Table.Schema, dialect);
                    CompiledQuery b = SoqlCompiler.Compile(swapped, scenario.Table.Schema, dialect);
                    Assert.Equal(a.Statement.Text, b.Statement.Text);
                    Assert.Equal(a.Statement.Parameters.Length, b.Statement.Parameters.Length);
                    foreach (GLiteral literal in scenario.Query.Literals())
                    {
                        if (literal.Value is string text && text.Length >= 4)
                        {
                            Assert.DoesNotContain(text, a.Statement.Text, StringComparison.Ordinal);
                        }
                    }
                }
            },
            iter: Iterations,
            seed: Environment.GetEnvironmentVariable("CIVICDATA_CSCHECK_SEED"),
            print: s => $"{s.Table}\n{s.Query}\nseed {s.Seed}");
    }

    /// <summary>
    /// Known bug, kept out of the random queries until it is fixed (the regression cases in SoqlCaseTable.AddRegressions
    /// keep it visible): on DuckDB, date_trunc(part, NULL) = / != an untruncated constant is FALSE / TRUE, not NULL.
    /// </summary>
    private static bool HitsKnownBug(GQuery query) => query.Expressions().Any(e =>
        e is GBinary { Op: "=" or "!=" or "<>" } b && (IsDateTrunc(b.Left) || IsDateTrunc(b.RightOperand)));

    private static bool IsDateTrunc(GExpr e) => e is GUnary { Op: var op } && op.StartsWith("date_trunc", StringComparison.Ordinal);

    private static string Print((GenTable Table, GQuery Query) scenario) => $"{scenario.Table}\n{scenario.Query}";

    /// <summary>
    /// Another literal of the same type (for numbers a positive magnitude; the caller keeps the sign); after a few attempts
    /// values outside the pools, so an injective renaming always exists. Booleans have only two values: kept or flipped
    /// consistently by the caller's renaming.
    /// </summary>
    private static object OtherValue(GLiteral literal, Random random, int attempt) => literal.Value switch
    {
        double when attempt > 20 => 1000.5 + attempt + random.Next(1000),
        double => Math.Abs(SoqlGenerators.NumberPool[random.Next(SoqlGenerators.NumberPool.Length)]) is var v && v == 0 ? 1 : v,
        bool b => attempt == 0 ? random.Next(2) == 0 : !b ^ (attempt % 2 == 0),
        DateTime when attempt > 20 => new DateTime(2030, 1, 1).AddMinutes(attempt + random.Next(100_000)),
        DateTime => SoqlGenerators.TimePool[random.Next(SoqlGenerators.TimePool.Length)],
        string when IsPattern(literal) && attempt <= 20 => SoqlGenerators.PatternPool[random.Next(SoqlGenerators.PatternPool.Length)],
        string when attempt > 20 => "x" + attempt + "-" + random.Next(100_000),
        string => SoqlGenerators.TextPool[random.Next(SoqlGenerators.TextPool.Length)],
        _ => literal.Value,
    };

    private static bool IsPattern(GLiteral literal) => SoqlGenerators.PatternPool.Contains((string)literal.Value);

    /// <summary>Queries that break a typing rule on purpose: each must be rejected before any SQL runs.</summary>
    private static Gen<(GenTable Table, SoqlRequest Request)> IllTyped { get; } =
        from table in SoqlGenerators.Table
        from text in SoqlGenerators.Expr(table, SodaType.Text, 1)
        from number in SoqlGenerators.Expr(table, SodaType.Number, 1)
        from time in SoqlGenerators.Expr(table, SodaType.FloatingTimestamp, 1)
        from predicate in SoqlGenerators.Predicate(table, 1)
        from kind in Gen.Int[0, 13]
        let t = Column(table, SodaType.Text)
        let n = Column(table, SodaType.Number)
        select (table, kind switch
        {
            0 => new SoqlRequest { Select = $"{t} + {n}" },
            1 => new SoqlRequest { Where = $"{t} = {n}" },
            2 => new SoqlRequest { Select = $"upper({n})" },
            3 => new SoqlRequest { Select = $"sum({t})" },
            4 => new SoqlRequest { Where = $"{n} LIKE 'a%'" },
            5 => new SoqlRequest { Where = number.Soql() },
            6 => new SoqlRequest { Where = $"count(*) > 1 AND {predicate.Soql()}" },
            7 => new SoqlRequest { Select = $"{t}, count(*)", Group = n },
            8 => new SoqlRequest { Select = $"no_such_column_{kind}, {text.Soql()}" },
            9 => new SoqlRequest { Select = $"no_such_function({number.Soql()})" },
            10 => new SoqlRequest { Where = $"{predicate.Soql()} AND {time.Soql()}" },
            11 => new SoqlRequest { Where = $"{predicate.Soql()} OR {text.Soql()} > {number.Soql()}" },
            12 => new SoqlRequest { Select = $"{text.Soql()} || {number.Soql()} * {text.Soql()}" },
            _ => new SoqlRequest { Select = "count(*)", Group = "count(*)" },
        });

    private static string Column(GenTable table, SodaType type) =>
        table.Columns.First(c => c.Type == type).FieldName;
}
