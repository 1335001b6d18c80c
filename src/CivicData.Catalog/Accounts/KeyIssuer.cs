using CivicData.Core;

namespace CivicData.Catalog.Accounts;

/// <summary>Adds users and issues their API keys, writing each change to the audit log.</summary>
public sealed class KeyIssuer(IAccountStore accounts)
{
    public async Task<UserAccount> AddUserAsync(string email, Role role, string? organization, string? password, string actor, CancellationToken cancellationToken)
    {
        string address = CheckEmail(email);
        string? hash = password is null ? null : ApiKeySecrets.HashPassword(password);
        UserAccount user = await accounts.AddUserAsync(address, role, string.IsNullOrWhiteSpace(organization) ? null : organization.Trim(), hash, cancellationToken);
        await accounts.AppendAuditAsync(
            new AuditEntry(actor, "user.add", user.Email, AuditDetails.Of(("role", role.ToName()), ("organization", user.Organization))),
            cancellationToken);
        return user;
    }

    public async Task<IssuedApiKey> CreateKeyAsync(string email, string actor, CancellationToken cancellationToken)
    {
        UserAccount user = await accounts.FindUserAsync(CheckEmail(email), cancellationToken)
            ?? throw new NotFoundError("user.not-found", $"No user {email.Trim()}. Add one first: civicdata user add {email.Trim()} --role publisher");
        string keyId = ApiKeySecrets.NewKeyId();
        string secret = ApiKeySecrets.NewSecret();
        await accounts.AddApiKeyAsync(user.Id, keyId, ApiKeySecrets.HashSecret(secret), cancellationToken);
        await accounts.AppendAuditAsync(new AuditEntry(actor, "key.create", keyId, AuditDetails.Of(("user", user.Email))), cancellationToken);
        return new IssuedApiKey(keyId, secret, user);
    }

    private static string CheckEmail(string email)
    {
        string trimmed = email?.Trim() ?? "";
        int at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != trimmed.LastIndexOf('@') || at == trimmed.Length - 1 || trimmed.Any(char.IsWhiteSpace) || trimmed.Length > 254)
        {
            throw new ValidationError("user.bad-email", $"'{email}' is not an email address.");
        }

        return trimmed;
    }
}
