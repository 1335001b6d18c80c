using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;

namespace CivicData.Web.Ckan.Actions;

/// <summary>
/// <c>package_autocomplete</c> (ckan.md §4.6): datasets whose name or title contains <c>q</c>, names first, only those
/// the caller can list.
/// </summary>
internal sealed class PackageAutocompleteAction(CkanCatalog catalog) : ICkanAction
{
    public string Name => "package_autocomplete";

    public bool IsReadOnly => true;

    public string Help => "Return a list of datasets whose name or title contains the string q. Parameters: q, limit (default 10).";

    public async Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string q = context.Parameters.GetRequiredString("q").Trim();
        int limit = context.Parameters.GetNatural("limit", 10);
        CatalogQuery scoped = await catalog.ScopeAsync(
            new CatalogQuery { Sort = CatalogSort.Id }, context.Caller, includePrivate: true, cancellationToken);

        var byName = new List<Match>();
        var byTitle = new List<Match>();
        await foreach (DatasetRecord record in catalog.ListAllAsync(scoped, cancellationToken))
        {
            string name = record.Id.Value;
            string title = record.Metadata.Title;
            if (name.Contains(q, StringComparison.OrdinalIgnoreCase))
            {
                byName.Add(new Match(name, title, "name", name));
            }
            else if (title.Contains(q, StringComparison.OrdinalIgnoreCase))
            {
                byTitle.Add(new Match(name, title, "title", title));
            }
        }

        return CkanResult.Of(byName.Concat(byTitle).Take(limit).ToList());
    }

    private sealed record Match(string Name, string Title, string MatchField, string MatchDisplayed);
}
