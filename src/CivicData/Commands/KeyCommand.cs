using System.CommandLine;
using CivicData.Catalog.Accounts;
using CivicData.Core;

namespace CivicData.Commands;

/// <summary><c>key create EMAIL</c> prints a new API key's id and secret, once; <c>key revoke KEY_ID</c> ends one.</summary>
internal static class KeyCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("EMAIL") { Description = "The user the key acts for." };
        Option<string?> createData = SharedOptions.Data();
        var create = new Command("create", "Create an API key for a user; prints its id and secret once.") { email, createData };
        create.SetAction((result, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            await using EmbeddedStores stores = await EmbeddedStores.OpenAsync(SharedOptions.ResolveDataDirectory(result.GetValue(createData)), cancellationToken);
            IssuedApiKey key = await new KeyIssuer(stores.Accounts).CreateKeyAsync(result.GetValue(email)!, AuditEntry.OperatorActor, cancellationToken);
            // Two lines a script can read; the advice goes to standard error so it never mixes into them.
            Console.WriteLine($"key id: {key.KeyId}");
            Console.WriteLine($"secret: {key.Secret}");
            await Console.Error.WriteLineAsync(
                $"Store the secret now: it is not shown again. Send it as HTTP Basic (key id as user name, secret as password), or to the CKAN API as the header \"Authorization: {key.KeyId}:<secret>\".");
            return 0;
        }));

        var keyId = new Argument<string>("KEY_ID") { Description = "The key to revoke." };
        Option<string?> revokeData = SharedOptions.Data();
        var revoke = new Command("revoke", "Revoke an API key; requests that use it are refused from then on.") { keyId, revokeData };
        revoke.SetAction((result, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            await using EmbeddedStores stores = await EmbeddedStores.OpenAsync(SharedOptions.ResolveDataDirectory(result.GetValue(revokeData)), cancellationToken);
            string id = result.GetValue(keyId)!;
            if (!await stores.Accounts.RevokeApiKeyAsync(id, cancellationToken))
            {
                throw new NotFoundError("key.not-found", $"No live API key {id}.");
            }

            await stores.Accounts.AppendAuditAsync(new AuditEntry(AuditEntry.OperatorActor, "key.revoke", id), cancellationToken);
            Console.WriteLine($"Revoked {id}.");
            return 0;
        }));
        return new Command("key", "Manage API keys.") { create, revoke };
    }
}
