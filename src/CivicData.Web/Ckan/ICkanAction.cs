namespace CivicData.Web.Ckan;

/// <summary>
/// One CKAN action (<c>/api/3/action/{name}</c>). Adding an action is one class implementing this and one
/// registration line in <see cref="CkanServiceCollectionExtensions.AddCkan"/>.
/// </summary>
internal interface ICkanAction
{
    /// <summary>The action name clients call, e.g. <c>package_show</c>.</summary>
    public string Name { get; }

    /// <summary>Side-effect free: may be called with GET. Write actions answer a GET with CKAN's 400 (ckan.md §1).</summary>
    public bool IsReadOnly { get; }

    /// <summary>What <c>help_show</c> returns for the action.</summary>
    public string Help { get; }

    /// <summary>Runs the action; failures are CivicData errors, which the CKAN error writer shapes.</summary>
    public Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken);
}
