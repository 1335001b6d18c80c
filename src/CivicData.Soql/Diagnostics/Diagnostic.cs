using System.Collections.Immutable;
using CivicData.Soql.Text;

namespace CivicData.Soql.Diagnostics;

/// <summary>One compiler error: what went wrong, where, and the data the SODA error body carries.</summary>
/// <param name="Location">Where in which clause; null for errors that belong to no text (simple filters, option values).</param>
/// <param name="Data">Extra fields for the error body, such as <c>column</c> or <c>function</c>.</param>
public sealed record Diagnostic(
    DiagnosticCode Code,
    string Message,
    TextLocation? Location,
    ImmutableDictionary<string, string> Data)
{
    public string ErrorCode => Code.ToErrorCode();

    public override string ToString() => Location is { } location
        ? $"{location.Source.Clause} {location.Start.Line}:{location.Start.Column}: {Message}"
        : Message;
}
