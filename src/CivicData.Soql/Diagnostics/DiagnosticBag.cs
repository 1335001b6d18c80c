using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using CivicData.Core.Schema;
using CivicData.Soql.Text;

namespace CivicData.Soql.Diagnostics;

/// <summary>Collects the compiler's errors. Every message the compiler can produce is written in this file.</summary>
public sealed class DiagnosticBag : IEnumerable<Diagnostic>
{
    private readonly List<Diagnostic> _diagnostics = [];

    public int Count => _diagnostics.Count;

    public bool HasErrors => _diagnostics.Count > 0;

    public IEnumerator<Diagnostic> GetEnumerator() => _diagnostics.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public ImmutableArray<Diagnostic> ToImmutableArray() => [.. _diagnostics];

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _diagnostics.AddRange(diagnostics);

    // Lexer and parser: query.compiler.malformed

    internal void ReportUnexpectedCharacter(TextLocation location, char character) =>
        Report(DiagnosticCode.Malformed, location, $"Unexpected character '{character}'.");

    internal void ReportUnterminatedString(TextLocation location) =>
        Report(DiagnosticCode.Malformed, location, "Unterminated string literal.");

    internal void ReportInvalidEscape(TextLocation location) =>
        Report(DiagnosticCode.Malformed, location, "Invalid escape sequence in string literal.");

    internal void ReportUnencodableText() =>
        Report(DiagnosticCode.Malformed, null, "A text value holds half of a UTF-16 surrogate pair, which is not text.");

    internal void ReportNumberOutOfRange(double value) =>
        Report(DiagnosticCode.TypeMismatch, null, string.Create(CultureInfo.InvariantCulture, $"The number {value:R} is out of range (at most 28 digits before the decimal point)."));

    internal void ReportUnterminatedComment(TextLocation location) =>
        Report(DiagnosticCode.Malformed, location, "Unterminated comment.");

    internal void ReportUnterminatedIdentifier(TextLocation location) =>
        Report(DiagnosticCode.Malformed, location, "Unterminated quoted identifier.");

    internal void ReportInvalidIdentifier(TextLocation location) =>
        Report(DiagnosticCode.Malformed, location, "Quoted identifiers may hold only letters, digits, '_', '-', ':' and '@'.");

    internal void ReportInvalidNumber(TextLocation location) =>
        Report(DiagnosticCode.Malformed, location, "Invalid number literal.");

    internal void ReportUnexpectedToken(TextLocation location, string found, string expected) =>
        Report(DiagnosticCode.Malformed, location, $"Expected {expected} but found {found}.");

    internal void ReportUnsupported(TextLocation location, string feature) =>
        Report(DiagnosticCode.Malformed, location, $"{feature} is not supported.");

    internal void ReportReservedAlias(TextLocation location, string alias) =>
        Report(DiagnosticCode.ReservedAlias, location, $"The alias '{alias}' is reserved: aliases may not start with ':'.", ("alias", alias));

    internal void ReportTooDeep(TextLocation location) =>
        Report(DiagnosticCode.Malformed, location, "The expression is nested too deeply.");

    internal void ReportQueryCombinedWithClauses() =>
        Report(DiagnosticCode.Malformed, null, "$query cannot be combined with other SoQL parameters.");

    // Binder

    internal void ReportNoSuchColumn(TextLocation? location, string name) =>
        Report(DiagnosticCode.NoSuchColumn, location, $"No column named '{name}'.", ("column", name));

    internal void ReportNoSuchFunction(TextLocation location, string name, int arity) =>
        Report(DiagnosticCode.NoSuchFunction, location, $"No function named '{name}' taking {arity} argument(s).",
            ("function", name), ("arity", arity.ToString(CultureInfo.InvariantCulture)));

    internal void ReportArgumentTypeMismatch(TextLocation location, string function, SodaType type) =>
        Report(DiagnosticCode.TypeMismatch, location, $"Function '{function}' does not accept an argument of type {type.ToName()}.",
            ("function", function), ("type", type.ToName()));

    internal void ReportStarNotAllowed(TextLocation location, string function) =>
        Report(DiagnosticCode.NoSuchFunction, location, $"Function '{function}' does not accept '*'.", ("function", function));

    internal void ReportDistinctNotAllowed(TextLocation location, string function) =>
        Report(DiagnosticCode.NoSuchFunction, location, $"Function '{function}' does not accept DISTINCT.", ("function", function));

    internal void ReportBinaryTypeMismatch(TextLocation location, string op, SodaType left, SodaType right) =>
        Report(DiagnosticCode.TypeMismatch, location, $"Operator '{op}' is not defined for {left.ToName()} and {right.ToName()}.",
            ("function", op), ("type", right.ToName()));

    internal void ReportUnaryTypeMismatch(TextLocation location, string op, SodaType operand) =>
        Report(DiagnosticCode.TypeMismatch, location, $"Operator '{op}' is not defined for {operand.ToName()}.",
            ("function", op), ("type", operand.ToName()));

    internal void ReportCannotConvertLiteral(TextLocation? location, SodaType type) =>
        Report(DiagnosticCode.TypeMismatch, location, $"The literal cannot be read as {type.ToName()}.", ("type", type.ToName()));

    internal void ReportUnknownType(TextLocation location, string name) =>
        Report(DiagnosticCode.TypeMismatch, location, $"Unknown type '{name}'.", ("type", name));

    internal void ReportCannotCast(TextLocation location, SodaType from, SodaType to) =>
        Report(DiagnosticCode.TypeMismatch, location, $"Cannot cast {from.ToName()} to {to.ToName()}.",
            ("function", "::" + to.ToName()), ("type", from.ToName()));

    internal void ReportNotBoolean(TextLocation location, string clause, SodaType type) =>
        Report(clause == "HAVING" ? DiagnosticCode.NonBooleanHaving : DiagnosticCode.NonBooleanWhere, location,
            $"{clause} must be a boolean (checkbox) expression, not {type.ToName()}.", ("type", type.ToName()));

    internal void ReportUnorderable(TextLocation location, SodaType type) =>
        Report(DiagnosticCode.UnorderableOrderBy, location, $"Values of type {type.ToName()} cannot be ordered.", ("type", type.ToName()));

    internal void ReportNotGroupable(TextLocation location, SodaType type) =>
        Report(DiagnosticCode.NonGroupableGroupBy, location, $"Values of type {type.ToName()} cannot be grouped.", ("type", type.ToName()));

    internal void ReportCircularAlias(TextLocation location, string alias) =>
        Report(DiagnosticCode.CircularAlias, location, $"The alias '{alias}' refers to itself.", ("alias", alias));

    internal void ReportNoSuchField(TextLocation location, SodaType type, string field) =>
        Report(DiagnosticCode.NoSuchFunction, location, $"Values of type {type.ToName()} have no field '{field}'.",
            ("function", "." + field), ("type", type.ToName()));

    internal void ReportInvalidPeriod(TextLocation? location) =>
        Report(DiagnosticCode.TypeMismatch, location, "An interval must be an ISO-8601 period literal such as 'P1DT2H'.", ("type", "interval"));

    internal void ReportUnknownTimeZone(TextLocation location, string zone) =>
        Report(DiagnosticCode.TypeMismatch, location, $"Unknown time zone '{zone}'.", ("type", "text"));

    internal void ReportMixedTypes(TextLocation location, string function, SodaType first, SodaType other) =>
        Report(DiagnosticCode.TypeMismatch, location, $"All values of '{function}' must have one type; found {first.ToName()} and {other.ToName()}.",
            ("function", function), ("type", other.ToName()));

    internal void ReportUnsupportedCast(TextLocation location, string typeName) =>
        Report(DiagnosticCode.NoSuchFunction, location, $"No function named '::{typeName}'.", ("function", "::" + typeName), ("arity", "1"));

    internal void ReportDistinctOrderNotSelected(TextLocation location) =>
        Report(DiagnosticCode.UnorderableOrderBy, location, "With SELECT DISTINCT, ORDER BY may only use selected expressions.");

    internal void ReportAggregateInUngroupedContext(TextLocation location, string clause) =>
        Report(DiagnosticCode.AggregateInUngroupedContext, location, $"Aggregate functions are not allowed in {clause}.");

    internal void ReportColumnNotInGroupBys(TextLocation? location, string column) =>
        Report(DiagnosticCode.ColumnNotInGroupBys, location, $"'{column}' must appear in the group by or be used in an aggregate function.",
            ("column", column));

    internal void ReportDuplicateAlias(TextLocation location, string alias) =>
        Report(DiagnosticCode.DuplicateAlias, location, $"The alias '{alias}' is already used.", ("alias", alias));

    internal void ReportInvalidLimit(TextLocation? location) =>
        Report(DiagnosticCode.InvalidLimit, location, "$limit must be a non-negative integer.");

    internal void ReportLimitTooLarge(TextLocation? location, long max) =>
        Report(DiagnosticCode.InvalidLimit, location, $"$limit may not exceed {max.ToString(CultureInfo.InvariantCulture)}.",
            ("max", max.ToString(CultureInfo.InvariantCulture)));

    internal void ReportInvalidOffset(TextLocation? location) =>
        Report(DiagnosticCode.InvalidOffset, location, "$offset must be a non-negative integer.");

    private void Report(DiagnosticCode code, TextLocation? location, string message, params (string Key, string Value)[] data)
    {
        ImmutableDictionary<string, string> values = ImmutableDictionary<string, string>.Empty;
        foreach ((string key, string value) in data)
        {
            values = values.SetItem(key, value);
        }

        _diagnostics.Add(new Diagnostic(code, message, location, values));
    }
}
