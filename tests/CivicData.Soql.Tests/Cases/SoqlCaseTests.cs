using System.Data.Common;
using CivicData.Core;
using CivicData.Soql.Tests.Fuzzing;
using CivicData.Soql.Tests.Reference;

namespace CivicData.Soql.Tests.Cases;

/// <summary>
/// Every case of <see cref="SoqlCaseTable"/> on one engine: the compiled query's rows must equal the independently
/// computed rows (doubles within 1e-9 relative, in order when the order is total, else as multisets), and bad queries
/// must fail with their QueryError code. Each engine gets a sealed subclass that only supplies the fixture.
/// </summary>
public abstract class SoqlCaseTests(CaseEngineFixture fixture)
{
    public static TheoryData<string> CaseNames() => [.. SoqlCaseTable.All.Keys];

    [Fact]
    public void The_case_table_has_at_least_300_cases()
    {
        Assert.True(SoqlCaseTable.All.Count >= 300, $"only {SoqlCaseTable.All.Count} cases");
    }

    [Fact]
    public void Cases_are_not_vacuous()
    {
        // A table of cases that all expect nothing proves nothing: most row cases must expect rows, and some none.
        List<int> counts = [.. SoqlCaseTable.All.Values.Where(c => c.ErrorCode is null && !c.RuntimeError).Select(c => c.Expected().Rows.Count)];
        Assert.True(counts.Count(n => n > 0) > counts.Count * 0.9, $"{counts.Count(n => n == 0)} of {counts.Count} cases expect no rows");
        Assert.Contains(0, counts);
        Assert.True(SoqlCaseTable.All.Values.Count(c => c.ErrorCode is not null) >= 30);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Case_gives_its_expected_answer(string name)
    {
        SoqlCase soqlCase = SoqlCaseTable.All[name];
        if (soqlCase.KnownBugOn == fixture.Engine.Name || soqlCase.KnownBugOn == "*")
        {
            return; // Reported as skipped by Known_compiler_bug_cases.
        }

        if (soqlCase.ErrorCode is { } code)
        {
            QueryError error = Assert.Throws<QueryError>(() => SoqlCompiler.Compile(soqlCase.Request, soqlCase.Table.Schema, fixture.Engine.Dialect));
            Assert.Contains(error.Code, code.Split('|'));
            return;
        }

        if (soqlCase.RuntimeError)
        {
            CompiledQuery failing = SoqlCompiler.Compile(soqlCase.Request, soqlCase.Table.Schema, fixture.Engine.Dialect);
            DbException exception = await Assert.ThrowsAnyAsync<DbException>(() => fixture.Engine.QueryAsync(failing, CancellationToken.None));
            Assert.True(EngineErrors.IsDataError(exception), $"{fixture.Engine.Name}: not a data error: {exception.Message}");
            return;
        }

        RefResult expected = soqlCase.Expected();
        CompiledQuery query = SoqlCompiler.Compile(soqlCase.Request, soqlCase.Table.Schema, fixture.Engine.Dialect);
        IReadOnlyList<object?[]> actual = await fixture.Engine.QueryAsync(query, CancellationToken.None);

        ResultComparer.AssertEqual(expected.Rows, actual, expected.Ordered, $"{fixture.Engine.Name}: {name}\nSQL: {query.Statement.Text}");
    }
}

public sealed class DuckDbSoqlCaseTests(DuckDbCaseFixture fixture) : SoqlCaseTests(fixture), IClassFixture<DuckDbCaseFixture>;

public sealed class PostgresSoqlCaseTests(PostgresCaseFixture fixture) : SoqlCaseTests(fixture), IClassFixture<PostgresCaseFixture>;
