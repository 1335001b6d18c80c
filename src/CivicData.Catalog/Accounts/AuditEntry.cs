namespace CivicData.Catalog.Accounts;

/// <summary>One line of the append-only audit log.</summary>
/// <param name="Actor">A user's email, or <see cref="OperatorActor"/> for the command line.</param>
/// <param name="Action">Dotted verb such as <c>key.create</c> or <c>dataset.upsert</c>.</param>
/// <param name="Target">What it was done to: a dataset id, an email, a key id.</param>
/// <param name="Details">A JSON object with whatever else matters.</param>
public sealed record AuditEntry(string Actor, string Action, string Target, string Details = "{}")
{
    public const string OperatorActor = "operator";

    /// <summary>Set by the store when the entry is written.</summary>
    public DateTimeOffset At { get; init; }
}
