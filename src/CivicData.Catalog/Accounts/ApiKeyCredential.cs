namespace CivicData.Catalog.Accounts;

/// <summary>An API key as the catalog holds it: whose it is and the hash of its secret (never the secret).</summary>
public sealed record ApiKeyCredential(string KeyId, UserAccount User, string SecretSha256, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
