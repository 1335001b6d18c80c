using System.CommandLine;
using CivicData.Catalog.Accounts;
using CivicData.Core;

namespace CivicData.Commands;

/// <summary><c>user add EMAIL --role R [--org ORG] [--password-stdin]</c>: adds a user who can then get API keys.</summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("EMAIL") { Description = "The user's email address (their name in the portal)." };
        Option<string?> data = SharedOptions.Data();
        var role = new Option<string>("--role") { Description = "admin, publisher, editor or viewer.", Required = true };
        role.AcceptOnlyFromAmong("admin", "publisher", "editor", "viewer");
        var organization = new Option<string?>("--org") { Description = "Department the user belongs to (default: the whole portal)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read a password from standard input (first line), for HTTP Basic sign-in." };

        var add = new Command("add", "Add a user.") { email, data, role, organization, passwordStdin };
        add.SetAction((result, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            string? password = null;
            if (result.GetValue(passwordStdin))
            {
                password = (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r');
                if (string.IsNullOrEmpty(password))
                {
                    throw new ValidationError("user.empty-password", "--password-stdin read no password from standard input.");
                }
            }

            if (!RoleNames.TryParse(result.GetValue(role), out Role parsedRole))
            {
                throw new ValidationError("user.bad-role", "--role must be admin, publisher, editor or viewer.");
            }

            await using EmbeddedStores stores = await EmbeddedStores.OpenAsync(SharedOptions.ResolveDataDirectory(result.GetValue(data)), cancellationToken);
            UserAccount user = await new KeyIssuer(stores.Accounts).AddUserAsync(
                result.GetValue(email)!, parsedRole, result.GetValue(organization), password, AuditEntry.OperatorActor, cancellationToken);
            string scope = user.Organization is null ? "the whole portal" : user.Organization;
            Console.WriteLine($"Added {user.Email} as {user.Role.ToName()} of {scope}.");
            return 0;
        }));
        return new Command("user", "Manage the portal's users.") { add };
    }
}
