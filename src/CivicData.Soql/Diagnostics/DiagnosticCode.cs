using System.Diagnostics;

namespace CivicData.Soql.Diagnostics;

/// <summary>The kinds of error the compiler reports; each maps to one stable Socrata error code.</summary>
public enum DiagnosticCode
{
    Malformed,
    NoSuchColumn,
    TypeMismatch,
    NoSuchFunction,
    AggregateInUngroupedContext,
    ColumnNotInGroupBys,
    InvalidLimit,
    InvalidOffset,
    DuplicateAlias,
    CircularAlias,
    ReservedAlias,
    NonBooleanWhere,
    NonBooleanHaving,
    NonGroupableGroupBy,
    UnorderableOrderBy,
}

public static class DiagnosticCodeExtensions
{
    /// <summary>The wire code, such as <c>query.soql.no-such-column</c>.</summary>
    public static string ToErrorCode(this DiagnosticCode code) => code switch
    {
        DiagnosticCode.Malformed => "query.compiler.malformed",
        DiagnosticCode.NoSuchColumn => "query.soql.no-such-column",
        DiagnosticCode.TypeMismatch => "query.soql.type-mismatch",
        DiagnosticCode.NoSuchFunction => "query.soql.no-such-function",
        DiagnosticCode.AggregateInUngroupedContext => "query.soql.aggregate-in-ungrouped-context",
        DiagnosticCode.ColumnNotInGroupBys => "query.soql.column-not-in-group-bys",
        DiagnosticCode.InvalidLimit => "query.soql.invalid-limit",
        DiagnosticCode.InvalidOffset => "query.soql.invalid-offset",
        DiagnosticCode.DuplicateAlias => "query.soql.duplicate-alias",
        DiagnosticCode.CircularAlias => "query.soql.circular-alias",
        DiagnosticCode.ReservedAlias => "query.soql.reserved-alias",
        DiagnosticCode.NonBooleanWhere => "query.soql.non-boolean-where",
        DiagnosticCode.NonBooleanHaving => "query.soql.non-boolean-having",
        DiagnosticCode.NonGroupableGroupBy => "query.soql.non-groupable-group-by",
        DiagnosticCode.UnorderableOrderBy => "query.soql.unorderable-order-by",
        _ => throw new UnreachableException(),
    };
}
