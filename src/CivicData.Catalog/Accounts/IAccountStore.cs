namespace CivicData.Catalog.Accounts;

/// <summary>Users, their API keys and the audit log; kept in the catalog database beside the datasets.</summary>
public interface IAccountStore
{
    /// <summary>Adds a user; a <see cref="Core.ConflictError"/> when the email is taken (emails compare case-insensitively).</summary>
    public Task<UserAccount> AddUserAsync(string email, Role role, string? organization, string? passwordHash, CancellationToken cancellationToken);

    public Task<UserAccount?> FindUserAsync(string email, CancellationToken cancellationToken);

    /// <summary>The stored password hash, or null when the user has none (or does not exist).</summary>
    public Task<string?> FindPasswordHashAsync(string email, CancellationToken cancellationToken);

    public Task<ApiKeyCredential> AddApiKeyAsync(long userId, string keyId, string secretSha256, CancellationToken cancellationToken);

    /// <summary>The key with its owner, revoked or not; null when no such key id exists.</summary>
    public Task<ApiKeyCredential?> FindApiKeyAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>Marks a key revoked; false when there was no such live key.</summary>
    public Task<bool> RevokeApiKeyAsync(string keyId, CancellationToken cancellationToken);

    public Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest entries first.</summary>
    public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(int limit, CancellationToken cancellationToken);
}
