using CivicData.Catalog.Accounts;
using CivicData.Core;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CivicData.Catalog.Sqlite;

/// <summary>Users, API keys and the audit log (migration 0004). None of these touch search, so writes commit plainly.</summary>
public sealed partial class SqliteCatalogStore : IAccountStore
{
    private const string UserColumns = "u.id AS Id, u.email AS Email, u.role AS Role, u.organization AS Organization, u.created_at AS CreatedAt";

    public async Task<UserAccount> AddUserAsync(string email, Role role, string? organization, string? passwordHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            long id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO users (email, role, organization, password_hash, created_at)
                VALUES (@email, @role, @organization, @passwordHash, @now)
                RETURNING id
                """,
                new { email, role = role.ToName(), organization, passwordHash, now = CatalogTimestamp.ToText(_clock.GetUtcNow()) },
                cancellationToken: cancellationToken));
            return await FindUserAsync(connection, "u.id = @id", new { id }, cancellationToken)
                ?? throw new InvalidOperationException("The user vanished right after it was added.");
        }
        catch (SqliteException exception) when (exception.SqliteExtendedErrorCode == SqliteUniqueViolation)
        {
            throw new ConflictError("user.exists", $"A user with email {email} already exists.");
        }
    }

    public async Task<UserAccount?> FindUserAsync(string email, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        return await FindUserAsync(connection, "u.email = @email", new { email }, cancellationToken);
    }

    public async Task<string?> FindPasswordHashAsync(string email, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT password_hash FROM users WHERE email = @email", new { email }, cancellationToken: cancellationToken));
    }

    public async Task<ApiKeyCredential> AddApiKeyAsync(long userId, string keyId, string secretSha256, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO api_keys (key_id, user_id, secret_sha256, created_at) VALUES (@keyId, @userId, @secretSha256, @now)",
            new { keyId, userId, secretSha256, now = CatalogTimestamp.ToText(_clock.GetUtcNow()) },
            cancellationToken: cancellationToken));
        return await FindApiKeyAsync(connection, keyId, cancellationToken)
            ?? throw new InvalidOperationException("The key vanished right after it was added.");
    }

    public async Task<ApiKeyCredential?> FindApiKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        return await FindApiKeyAsync(connection, keyId, cancellationToken);
    }

    public async Task<bool> RevokeApiKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        int updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @now WHERE key_id = @keyId AND revoked_at IS NULL",
            new { keyId, now = CatalogTimestamp.ToText(_clock.GetUtcNow()) },
            cancellationToken: cancellationToken));
        return updated > 0;
    }

    public async Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_log (at, actor, action, target, details) VALUES (@at, @actor, @action, @target, @details)",
            new { at = CatalogTimestamp.ToText(_clock.GetUtcNow()), actor = entry.Actor, action = entry.Action, target = entry.Target, details = entry.Details },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using SqliteConnection connection = await OpenConnectionAsync(cancellationToken);
        IEnumerable<AuditRow> rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            "SELECT at AS At, actor AS Actor, action AS Action, target AS Target, details AS Details FROM audit_log ORDER BY id DESC LIMIT @limit",
            new { limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(row => new AuditEntry(row.Actor, row.Action, row.Target, row.Details) { At = CatalogTimestamp.Parse(row.At) })];
    }

    private static async Task<UserAccount?> FindUserAsync(SqliteConnection connection, string condition, object parameters, CancellationToken cancellationToken)
    {
        UserRow? row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            $"SELECT {UserColumns} FROM users AS u WHERE {condition}", parameters, cancellationToken: cancellationToken));
        return row?.ToAccount();
    }

    private static async Task<ApiKeyCredential?> FindApiKeyAsync(SqliteConnection connection, string keyId, CancellationToken cancellationToken)
    {
        KeyRow? row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
            $"""
            SELECT k.key_id AS KeyId, k.secret_sha256 AS SecretSha256, k.created_at AS KeyCreatedAt, k.revoked_at AS RevokedAt, {UserColumns}
            FROM api_keys AS k JOIN users AS u ON u.id = k.user_id
            WHERE k.key_id = @keyId
            """,
            new { keyId },
            cancellationToken: cancellationToken));
        return row is null
            ? null
            : new ApiKeyCredential(row.KeyId, row.ToAccount(), row.SecretSha256, CatalogTimestamp.Parse(row.KeyCreatedAt), CatalogTimestamp.ParseOptional(row.RevokedAt));
    }

    private class UserRow
    {
        public long Id { get; init; }

        public string Email { get; init; } = "";

        public string Role { get; init; } = "";

        public string? Organization { get; init; }

        public string CreatedAt { get; init; } = "";

        public UserAccount ToAccount() => new(
            Id,
            Email,
            RoleNames.TryParse(Role, out Role role) ? role : throw new InvalidOperationException($"Unknown role '{Role}' in the catalog."),
            Organization,
            CatalogTimestamp.Parse(CreatedAt));
    }

    private sealed class KeyRow : UserRow
    {
        public string KeyId { get; init; } = "";

        public string SecretSha256 { get; init; } = "";

        public string KeyCreatedAt { get; init; } = "";

        public string? RevokedAt { get; init; }
    }

    private sealed class AuditRow
    {
        public string At { get; init; } = "";

        public string Actor { get; init; } = "";

        public string Action { get; init; } = "";

        public string Target { get; init; } = "";

        public string Details { get; init; } = "{}";
    }
}
