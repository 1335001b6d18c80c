namespace CivicData.Web.Accounts;

/// <summary>The parts of Socrata's user object that clients read.</summary>
public sealed record CurrentUserDto
{
    public required string Id { get; init; }

    public required string Email { get; init; }

    public required string DisplayName { get; init; }

    public required string ScreenName { get; init; }

    public required string RoleName { get; init; }

    public string? Organization { get; init; }
}
