using CivicData.Soql.Tests.Reference;

namespace CivicData.Soql.Tests.Cases;

/// <summary>
/// One row of the case table: a SODA request over a fixture table and its independently computed answer: a
/// <see cref="RefQuery"/> the reference evaluator runs, rows written by hand, or the QueryError code it must fail with.
/// </summary>
public sealed record SoqlCase(string Name, RefTable Table, SoqlRequest Request)
{
    public RefQuery? Reference { get; init; }

    public RefResult? HandWritten { get; init; }

    /// <summary>The QueryError code expected; alternatives the spec allows are separated by <c>|</c>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>
    /// The engine (by <c>IQueryEngine.Name</c>, or <c>*</c> for all) on which this case is a known, reported bug: skipped
    /// there (visibly, by <c>Known_compiler_bug_cases</c>), still run on the other engines.
    /// </summary>
    public string? KnownBugOn { get; init; }

    /// <summary>The query compiles, and the engine must refuse it with a data error (the store's 400), not return rows.</summary>
    public bool RuntimeError { get; init; }

    public RefResult Expected() => HandWritten ?? Reference?.Evaluate(Table)
        ?? throw new InvalidOperationException(Name + " expects an error, not rows.");

    public override string ToString() => Name;
}
