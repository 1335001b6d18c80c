namespace CivicData.Web.Ckan.Actions;

/// <summary><c>license_list</c> (ckan.md §4.11): CKAN's default licence register.</summary>
internal sealed class LicenseListAction : ICkanAction
{
    public string Name => "license_list";

    public bool IsReadOnly => true;

    public string Help => "Return the list of licenses available for datasets on the site.";

    public Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken) =>
        Task.FromResult(CkanResult.Of(CkanLicenses.Register));
}
