using CivicData.Catalog.Accounts;
using CivicData.Core;

namespace CivicData.Web.Accounts;

/// <summary>Turns request credentials into the user they belong to, or refuses them.</summary>
public sealed class ApiKeyAuthenticator(IAccountStore accounts)
{
    internal const string FailureCode = "authentication_required";

    internal async Task<UserAccount> AuthenticateAsync(RequestCredentials credentials, CancellationToken cancellationToken)
    {
        if (credentials.IsPassword)
        {
            string? hash = await accounts.FindPasswordHashAsync(credentials.User, cancellationToken);
            if (hash is not null && ApiKeySecrets.PasswordMatches(credentials.Secret, hash)
                && await accounts.FindUserAsync(credentials.User, cancellationToken) is { } user)
            {
                return user;
            }

            throw Refused();
        }

        ApiKeyCredential? key = await accounts.FindApiKeyAsync(credentials.User, cancellationToken);
        // One answer for an unknown key, a revoked key and a wrong secret: which it was is nobody's business.
        return key is { RevokedAt: null } && ApiKeySecrets.SecretMatches(credentials.Secret, key.SecretSha256)
            ? key.User
            : throw Refused();
    }

    internal static AuthenticationRequiredError Refused() => new(FailureCode, "Invalid username or password");
}
