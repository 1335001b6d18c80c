namespace CivicData.Catalog.Accounts;

/// <summary>How roles are spelled on the command line, in the catalog and on the wire.</summary>
public static class RoleNames
{
    public static string ToName(this Role role) => role switch
    {
        Role.Admin => "admin",
        Role.Publisher => "publisher",
        Role.Editor => "editor",
        Role.Viewer => "viewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? text, out Role role)
    {
        foreach (Role candidate in Enum.GetValues<Role>())
        {
            if (string.Equals(candidate.ToName(), text, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
