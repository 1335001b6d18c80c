namespace CivicData.Web.Ckan.Actions;

/// <summary><c>site_read</c> (ckan.md §4.2): always <c>true</c>; gone from CKAN 2.11 but still probed by old clients.</summary>
internal sealed class SiteReadAction : ICkanAction
{
    public string Name => "site_read";

    public bool IsReadOnly => true;

    public string Help => "Return true: the site may be read.";

    public Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken) =>
        Task.FromResult(CkanResult.Of(true));
}
