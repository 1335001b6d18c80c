namespace CivicData.Catalog.Accounts;

/// <summary>A person (or service account) known to the portal.</summary>
/// <param name="Organization">The department they belong to; null means the whole portal.</param>
public sealed record UserAccount(long Id, string Email, Role Role, string? Organization, DateTimeOffset CreatedAt);
