using CivicData.Catalog.Accounts;
using CivicData.Catalog.Datasets;
using Microsoft.AspNetCore.Http;

namespace CivicData.Web.Datasets;

/// <summary>
/// Who is asking: anonymous, a user authenticated by an API key, or the operator at the command line. Every front door
/// asks this one object what the caller may see and change, so the rules live in one place.
/// </summary>
/// <remarks>Endpoints take it as a parameter; <see cref="BindAsync"/> reads what the API-key middleware found.</remarks>
public sealed record DatasetCaller
{
    private readonly bool _operator;

    private DatasetCaller(UserAccount? account, bool isOperator)
    {
        Account = account;
        _operator = isOperator;
    }

    public static DatasetCaller Anonymous { get; } = new(null, isOperator: false);

    /// <summary>The operator at the command line (exports), who may read everything.</summary>
    public static DatasetCaller Operator { get; } = new(null, isOperator: true);

    /// <summary>The user whose API key authenticated the request; null for anonymous callers and the operator.</summary>
    public UserAccount? Account { get; }

    public bool IsAuthenticated => Account is not null || _operator;

    public static DatasetCaller For(UserAccount account) => new(account ?? throw new ArgumentNullException(nameof(account)), isOperator: false);

    /// <summary>Minimal APIs bind a <see cref="DatasetCaller"/> parameter through this; anonymous unless a key was accepted.</summary>
    public static ValueTask<DatasetCaller?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<DatasetCaller?>(FromContext(context));
    }

    public static DatasetCaller FromContext(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<DatasetCaller>() ?? Anonymous;
    }

    /// <summary>Whether the caller may see this dataset at all (public ones, or private ones of their organisation).</summary>
    public bool MaySee(DatasetMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.Visibility == Visibility.Public || InScope(metadata.Department);
    }

    /// <summary>Whether the caller sees hidden columns and unpublished (draft) datasets: any member of the dataset's organisation.</summary>
    public bool MaySeeEverythingOf(DatasetMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return InScope(metadata.Department);
    }

    /// <summary>Whether the caller may change rows and metadata and publish (admins, and publishers of the organisation).</summary>
    public bool MayPublish(string? department) =>
        _operator || Account is { Role: Role.Admin } || (Account is { Role: Role.Publisher } && InScope(department));

    /// <summary>Whether the caller may create or edit drafts (everyone who may publish, and editors of the organisation).</summary>
    public bool MayEdit(string? department) => MayPublish(department) || (Account is { Role: Role.Editor } && InScope(department));

    /// <summary>A stable label for what the caller can see; it goes into ETags so two audiences never share one.</summary>
    public string Scope => _operator ? "all" : Account is { } account ? "user:" + account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "public";

    private bool InScope(string? department) =>
        _operator
        || Account is { Role: Role.Admin }
        || (Account is { } account && (account.Organization is null || string.Equals(account.Organization, department, StringComparison.OrdinalIgnoreCase)));
}
