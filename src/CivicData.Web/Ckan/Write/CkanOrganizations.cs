using CivicData.Catalog;
using CivicData.Catalog.Search;
using CivicData.Web.Datasets;

namespace CivicData.Web.Ckan.Write;

/// <summary>Reads <c>owner_org</c>: an organisation is a department, named by its slug or its title.</summary>
internal static class CkanOrganizations
{
    /// <summary>
    /// The department <c>owner_org</c> names, or null when it is not given. It must be a department that already has
    /// datasets, or the caller's own; anything else is CKAN's "Organization does not exist".
    /// </summary>
    public static async Task<string?> ResolveAsync(ICatalogStore catalog, CkanParameters parameters, DatasetCaller caller, CancellationToken cancellationToken)
    {
        string? wanted = parameters.GetString("owner_org")?.Trim();
        if (string.IsNullOrEmpty(wanted))
        {
            return null;
        }

        if (caller.Account?.Organization is { } own && Matches(own, wanted))
        {
            return own;
        }

        CatalogSearchResult all = await catalog.SearchAsync(new CatalogQuery { IncludePrivate = true, Limit = 1 }, cancellationToken);
        return all.Departments.Select(facet => facet.Value).FirstOrDefault(department => Matches(department, wanted))
            ?? throw CkanErrors.Invalid("owner_org", "Organization does not exist");
    }

    private static bool Matches(string department, string wanted) =>
        string.Equals(department, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(CkanNames.Slug(department), wanted, StringComparison.OrdinalIgnoreCase);
}
