using System.Data.Common;
using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Soql.Tests.Cases;
using CivicData.Soql.Tests.Engines;
using CsCheck;

namespace CivicData.Soql.Tests.Fuzzing;

/// <summary>
/// Hostile and random query text through every SoqlRequest field and simple-filter name and value (style.md §3,
/// test 4). The compiler must throw QueryError or produce SQL that both engines run without a syntax or binding error
/// (a data error such as a failed cast or division by zero is a result, reported by the store as a 400); the payload
/// never appears in the SQL text, and the canary table survives.
/// </summary>
public sealed class QueryFuzzTests(FuzzFixture fixture) : IClassFixture<FuzzFixture>
{
    /// <summary>Iterations per random property: 300, or CIVICDATA_CSCHECK_ITER for a longer hunt.</summary>
    public static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("CIVICDATA_CSCHECK_ITER"), out int iterations) ? iterations : 300;

    private static readonly string[] s_fields =
    [
        "$select", "$select literal", "$select alias", "$select quoted name", "$where", "$where literal", "$where double-quoted literal",
        "$where like", "$where number literal", "$where timestamp literal", "$order", "$order after key", "$group", "$having",
        "$having literal", "$limit", "$offset", "$q", "$query", "$query where", "$query search", "filter name", "filter value",
        "filter value on a number", "filter value on a timestamp", "filter value on a checkbox",
    ];

    public static TheoryData<int, string> CorpusCases() => Corpus(knownBugs: false);

    public static TheoryData<int, string> KnownBugCorpusCases() => Corpus(knownBugs: true);

    /// <summary>
    /// Inputs that hit a reported bug: they compile, but binding the value for PostgreSQL throws (a 500 in a server).
    /// A number literal beyond System.Decimal's range (e.g. 38 nines) is sent as a double that Npgsql cannot convert to
    /// numeric (OverflowException); a string with an unpaired UTF-16 surrogate cannot be encoded as UTF-8
    /// (EncoderFallbackException).
    /// </summary>
    public static bool HitsKnownBug(string input) =>
        input.Any(char.IsSurrogate) && !HasOnlyPairedSurrogates(input) || input.Trim().All(char.IsAsciiDigit) && input.Trim().Length > 28;

    private static bool HasOnlyPairedSurrogates(string input)
    {
        for (int i = 0; i < input.Length; i++)
        {
            if (char.IsHighSurrogate(input[i]) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(input[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static TheoryData<int, string> Corpus(bool knownBugs)
    {
        TheoryData<int, string> data = [];
        for (int i = 0; i < HostileCorpus.Inputs.Count; i++)
        {
            if (HitsKnownBug(HostileCorpus.Inputs[i]) != knownBugs)
            {
                continue;
            }

            foreach (string field in s_fields)
            {
                data.Add(i, field);
            }
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_the_inputs_style_md_asks_for()
    {
        IReadOnlyList<string> inputs = HostileCorpus.Inputs;
        Assert.Contains(inputs, s => s.Contains("--", StringComparison.Ordinal));
        Assert.Contains(inputs, s => s.Contains("/*", StringComparison.Ordinal));
        Assert.Contains(inputs, s => s.Contains(';', StringComparison.Ordinal));
        Assert.Contains(inputs, s => s.Contains('\\', StringComparison.Ordinal));
        Assert.Contains(inputs, s => s.Contains("$$", StringComparison.Ordinal));
        Assert.Contains(inputs, s => s.Contains('\0', StringComparison.Ordinal));
        Assert.Contains(inputs, s => s.Contains('\u2019', StringComparison.Ordinal));
        Assert.Contains(inputs, s => s.Length >= 10_000);
        Assert.Contains(inputs, s => s.Contains('"', StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CorpusCases))]
    public async Task Hostile_input_is_rejected_or_bound_as_a_value(int input, string field)
    {
        string payload = HostileCorpus.Inputs[input];
        await AssertSafeAsync(Request(field, payload), FixtureData.La311Schema, payload, Request(field, "zzz"));
    }

    // Once compiler bugs: a number beyond System.Decimal's range and a string with half a surrogate pair reached the
    // engines (Npgsql could bind neither). The compiler now refuses both as 400s before any SQL runs.
    [Theory]
    [MemberData(nameof(KnownBugCorpusCases))]
    public Task Unbindable_values_are_rejected_before_any_sql_runs(int input, string field) =>
        Hostile_input_is_rejected_or_bound_as_a_value(input, field);

    [Fact]
    public async Task Names_that_need_quoting_are_quoted_never_spliced()
    {
        foreach (IQueryEngine engine in fixture.Engines)
        {
            CompiledQuery query = SoqlCompiler.Compile(new SoqlRequest { Order = "n" }, FuzzFixture.HostileNames, engine.Dialect);
            IReadOnlyList<object?[]> rows = await engine.QueryAsync(query, CancellationToken.None);
            Assert.Equal([["a\"b", 1.0], [null, 2.0]], rows);
            Assert.Equal(1, await FuzzFixture.CanaryRowsAsync(engine));
        }
    }

    [Fact]
    public async Task Random_strings_in_random_fields_are_rejected_or_run()
    {
        Gen<string> text = Gen.Frequency(
            (3, Gen.String[Gen.Char["'\"`;-/*\\$%_()[]{}:,.|><=!?@#&^~ \t\n\r\0abcxyzABC0129éü\u2019\u02bc\uff07"], 0, 40]),
            (2, Gen.OneOf(s_tokens).Array[1, 12].Select(tokens => string.Join(" ", tokens))),
            (1, Gen.OneOf([.. HostileCorpus.Inputs.Where(input => !HitsKnownBug(input))])));
        Gen<(string Field, string Text, int Schema)> gen = Gen.Select(Gen.OneOf(s_fields), text, Gen.Int[0, 2]);

        await gen.SampleAsync(
            async sample => await AssertSafeAsync(Request(sample.Field, sample.Text), FuzzFixture.Schemas[sample.Schema], payload: null),
            iter: Iterations,
            threads: 1,
            seed: Environment.GetEnvironmentVariable("CIVICDATA_CSCHECK_SEED"),
            print: sample => $"{sample.Field} on {FuzzFixture.Schemas[sample.Schema].TableName}: {Escape(sample.Text)}");
    }

    [Fact]
    public async Task Mutated_case_queries_are_rejected_or_run()
    {
        SoqlCase[] cases = [.. SoqlCaseTable.All.Values];
        Gen<(int Case, int Clause, int Position, int Kind, string Insert)> gen = Gen.Select(
            Gen.Int[0, cases.Length - 1],
            Gen.Int[0, 4],
            Gen.Int[0, 1000],
            Gen.Int[0, 4],
            Gen.Frequency(
                (3, Gen.OneOf(s_tokens)),
                (1, Gen.OneOf([.. HostileCorpus.Inputs.Where(input => !HitsKnownBug(input))]))));

        await gen.SampleAsync(
            async sample =>
            {
                SoqlCase soqlCase = cases[sample.Case];
                SoqlRequest request = Mutate(soqlCase.Request, sample.Clause, text => MutateText(text, sample.Position, sample.Kind, sample.Insert));
                await AssertSafeAsync(request, soqlCase.Table.Schema, payload: null);
            },
            iter: Iterations,
            threads: 1,
            seed: Environment.GetEnvironmentVariable("CIVICDATA_CSCHECK_SEED"),
            print: sample =>
            {
                SoqlCase soqlCase = cases[sample.Case];
                SoqlRequest mutated = Mutate(soqlCase.Request, sample.Clause, text => MutateText(text, sample.Position, sample.Kind, sample.Insert));
                return $"{soqlCase.Name} → {Escape(mutated.ToString())}";
            });
    }

    private static readonly string[] s_tokens =
    [
        "SELECT", "WHERE", "GROUP BY", "HAVING", "ORDER BY", "LIMIT", "OFFSET", "SEARCH", "AND", "OR", "NOT", "IS", "NULL", "IN",
        "LIKE", "BETWEEN", "ASC", "DESC", "NULLS FIRST", "CASE", "WHEN", "THEN", "ELSE", "END", "DISTINCT", "AS", "|>", "::", "::text",
        "::number", "(", ")", ",", "*", ":*", ":id", ":seq", "count(*)", "sum(", "upper(", "=", "!=", "<", ">=", "+", "-", "||", "%", "^",
        "'", "''", "'x'", "\"y\"", "`", "`cd`", "cd", "nc", "owner", "request_type", "created_date", "location", "label", "qty", "at", "ok",
        "1", "-1", "1.5", "1e20", "0", "true", "false", "'2018-01-01'", "'POINT (1 2)'", "within_box(", "date_trunc_ym(", "--", "/*", "*/", ";",
    ];

    private Task AssertSafeAsync(SoqlRequest request, TableSchema schema, string? payload) => AssertSafeAsync(request, schema, payload, baseline: null);

    /// <param name="baseline">The same request with a harmless value: text its SQL holds anyway (":seq") is not a leak.</param>
    private async Task AssertSafeAsync(SoqlRequest request, TableSchema schema, string? payload, SoqlRequest? baseline)
    {
        if (HitsKnownCompilerBug(request))
        {
            return; // Reported: see SoqlCaseTable.AddRegressions.
        }

        foreach (IQueryEngine engine in fixture.Engines)
        {
            CompiledQuery query;
            try
            {
                query = SoqlCompiler.Compile(request, schema, engine.Dialect);
            }
            catch (QueryError error)
            {
                Assert.StartsWith("query.", error.Code, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
                continue;
            }

            string sql = query.Statement.Text;
            Assert.DoesNotContain("canary", sql, StringComparison.OrdinalIgnoreCase);
            if (payload is not null && IsDistinctive(payload) && !BaselineSql(baseline, schema, engine).Contains(payload, StringComparison.Ordinal))
            {
                Assert.DoesNotContain(payload, sql, StringComparison.Ordinal);
            }

            try
            {
                await engine.QueryAsync(query, CancellationToken.None);
            }
            catch (DbException exception) when (EngineErrors.IsDataError(exception))
            {
                // A value the engine cannot convert or compute: the store answers 400, like Socrata.
            }
            catch (DbException exception)
            {
                Assert.Fail($"{engine.Name} rejected compiled SQL: {exception.Message}\nSQL: {Escape(sql)}\nrequest: {Escape(request.ToString())}");
            }

            Assert.Equal(1, await FuzzFixture.CanaryRowsAsync(engine));
        }
    }

    /// <summary>
    /// count() with no argument compiles to SQL count(), which PostgreSQL rejects (42809); regression case
    /// "regression: count() with no argument" in SoqlCaseTable.AddRegressions.
    /// </summary>
    private static bool HitsKnownCompilerBug(SoqlRequest request) =>
        new[] { request.Select, request.Where, request.Order, request.Group, request.Having, request.Query }
            .Any(text => text is not null && System.Text.RegularExpressions.Regex.IsMatch(text, @"count\s*\(\s*\)", System.Text.RegularExpressions.RegexOptions.IgnoreCase));

    private static string BaselineSql(SoqlRequest? baseline, TableSchema schema, IQueryEngine engine)
    {
        if (baseline is null)
        {
            return "";
        }

        try
        {
            return SoqlCompiler.Compile(baseline, schema, engine.Dialect).Statement.Text;
        }
        catch (QueryError)
        {
            return "";
        }
    }

    /// <summary>A payload worth searching the SQL for: long enough and not a plain word that could be a column name.</summary>
    private static bool IsDistinctive(string payload) => payload.Length >= 4 && payload.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_' && c != ' ');

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static SoqlRequest Request(string field, string payload) => field switch
    {
        "$select" => new SoqlRequest { Select = payload },
        "$select literal" => new SoqlRequest { Select = "owner || " + Quote(payload) },
        "$select alias" => new SoqlRequest { Select = "owner AS " + payload },
        "$select quoted name" => new SoqlRequest { Select = "`" + payload + "`" },
        "$where" => new SoqlRequest { Where = payload },
        "$where literal" => new SoqlRequest { Where = "owner = " + Quote(payload) },
        "$where double-quoted literal" => new SoqlRequest { Where = "owner = \"" + payload.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" },
        "$where like" => new SoqlRequest { Where = "address LIKE " + Quote("%" + payload + "%") },
        "$where number literal" => new SoqlRequest { Where = "cd > " + Quote(payload) },
        "$where timestamp literal" => new SoqlRequest { Where = "created_date < " + Quote(payload) },
        "$order" => new SoqlRequest { Order = payload },
        "$order after key" => new SoqlRequest { Order = "cd " + payload },
        "$group" => new SoqlRequest { Select = "count(*)", Group = payload },
        "$having" => new SoqlRequest { Select = "owner, count(*)", Group = "owner", Having = payload },
        "$having literal" => new SoqlRequest { Select = "owner", Group = "owner", Having = "max(address) > " + Quote(payload) },
        "$limit" => new SoqlRequest { Limit = payload },
        "$offset" => new SoqlRequest { Offset = payload },
        "$q" => new SoqlRequest { Search = payload },
        "$query" => new SoqlRequest { Query = payload },
        "$query where" => new SoqlRequest { Query = "SELECT owner WHERE " + payload },
        "$query search" => new SoqlRequest { Query = "SELECT owner SEARCH " + Quote(payload) },
        "filter name" => new SoqlRequest { SimpleFilters = [new(payload, "x")] },
        "filter value" => new SoqlRequest { SimpleFilters = [new("owner", payload)] },
        "filter value on a number" => new SoqlRequest { SimpleFilters = [new("cd", payload)] },
        "filter value on a timestamp" => new SoqlRequest { SimpleFilters = [new("created_date", payload)] },
        "filter value on a checkbox" => new SoqlRequest { SimpleFilters = [new("anonymous", payload)] },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static SoqlRequest Mutate(SoqlRequest request, int clause, Func<string, string> mutate) => request.Query is { } query
        ? request with { Query = mutate(query) }
        : clause switch
        {
            0 => request with { Select = mutate(request.Select ?? "") },
            1 => request with { Where = mutate(request.Where ?? "") },
            2 => request with { Order = mutate(request.Order ?? "") },
            3 => request with { Group = request.Group is null ? null : mutate(request.Group), Having = request.Having is null ? null : mutate(request.Having) },
            _ => request with { Limit = mutate(request.Limit ?? "") },
        };

    private static string MutateText(string text, int position, int kind, string insert)
    {
        int at = text.Length == 0 ? 0 : position % (text.Length + 1);
        return kind switch
        {
            0 => text.Insert(at, insert),
            1 => text.Insert(at, " " + insert + " "),
            2 when at < text.Length => text.Remove(at, Math.Min(1 + (position % 5), text.Length - at)),
            3 when at < text.Length => text.Remove(at, 1).Insert(at, insert),
            _ => text + " " + insert,
        };
    }

    private static string Escape(string text) => text.Length > 300 ? text[..300] + $"… ({text.Length} chars)" : text.Replace("\0", "\\0", StringComparison.Ordinal);
}
