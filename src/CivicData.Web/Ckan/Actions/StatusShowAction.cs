namespace CivicData.Web.Ckan.Actions;

/// <summary><c>status_show</c> (ckan.md §4.1): the site and the CKAN line CivicData emulates.</summary>
internal sealed class StatusShowAction : ICkanAction
{
    /// <summary>The CKAN release whose Action API this one follows; clients branch on it.</summary>
    public const string CkanVersion = "2.11.0";

    public string Name => "status_show";

    public bool IsReadOnly => true;

    public string Help => "Return a dictionary with information about the site's configuration: site_title, site_url, ckan_version, extensions.";

    public Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? version = typeof(StatusShowAction).Assembly.GetName().Version?.ToString(3);
        return Task.FromResult(CkanResult.Of(new Status(
            "CivicData",
            "Open data portal",
            context.BaseUrl,
            "en",
            ["datastore"],
            null,
            CkanVersion,
            version ?? "0.0.0")));
    }

    private sealed record Status(
        string SiteTitle,
        string SiteDescription,
        string SiteUrl,
        string LocaleDefault,
        IReadOnlyList<string> Extensions,
        string? ErrorEmailsTo,
        string CkanVersion,
        string CivicdataVersion);
}
