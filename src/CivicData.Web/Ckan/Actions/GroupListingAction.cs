using CivicData.Catalog.Search;
using CivicData.Web.Ckan.Wire;

namespace CivicData.Web.Ckan.Actions;

/// <summary>
/// What <c>organization_list</c> and <c>group_list</c> share (ckan.md §4.8): organizations are departments and groups
/// are categories, each listed when the caller can see at least one of its datasets.
/// </summary>
internal abstract class GroupListingAction(CkanCatalog catalog, bool groups) : ICkanAction
{
    public abstract string Name { get; }

    public bool IsReadOnly => true;

    public abstract string Help { get; }

    public async Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        CkanParameters parameters = context.Parameters;
        bool allFields = parameters.GetBoolean("all_fields", false);
        int limit = parameters.GetNatural("limit", allFields ? 25 : 1000);
        int offset = parameters.GetNatural("offset", 0);
        string? q = parameters.GetString("q");
        IReadOnlyList<string>? only = parameters.GetStringList(groups ? "groups" : "organizations", commaSeparated: true);
        string sort = parameters.GetString("sort") is { Length: > 0 } given ? given.Trim() : "title asc";

        CatalogQuery scoped = await catalog.ScopeAsync(new CatalogQuery(), context.Caller, includePrivate: true, cancellationToken);
        IEnumerable<OrganizationDto> found = await catalog.OrganizationsAsync(scoped, groups, cancellationToken);
        if (!string.IsNullOrWhiteSpace(q))
        {
            found = found.Where(item => item.Name.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase) || item.Title.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        if (only is not null)
        {
            found = found.Where(item => only.Contains(item.Name, StringComparer.OrdinalIgnoreCase));
        }

        found = Sort(found, sort);
        List<OrganizationDto> page = [.. found.Skip(offset).Take(Math.Min(limit, 1000))];
        return allFields ? CkanResult.Of(page) : CkanResult.Of(page.Select(item => item.Name).ToList());
    }

    private static IEnumerable<OrganizationDto> Sort(IEnumerable<OrganizationDto> items, string sort)
    {
        string[] words = sort.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string field = words.Length > 0 ? words[0].ToLowerInvariant() : "title";
        bool descending = words.Length > 1 && string.Equals(words[1], "desc", StringComparison.OrdinalIgnoreCase);
        if (field == "packages")
        {
            (field, descending) = ("package_count", true);
        }

        Func<OrganizationDto, IComparable> key = field switch
        {
            "name" => item => item.Name,
            "title" => item => item.Title.ToUpperInvariant(),
            "package_count" => item => item.PackageCount,
            _ => throw CkanErrors.Invalid("sort", $"Cannot sort by field `{field}`"),
        };
        IOrderedEnumerable<OrganizationDto> ordered = descending ? items.OrderByDescending(key) : items.OrderBy(key);
        return ordered.ThenBy(item => item.Name, StringComparer.Ordinal);
    }
}

/// <summary><c>organization_list</c>: the departments with datasets the caller can see.</summary>
internal sealed class OrganizationListAction(CkanCatalog catalog) : GroupListingAction(catalog, groups: false)
{
    public override string Name => "organization_list";

    public override string Help => "Return the names of the site's organizations (departments). Parameters: sort, limit, offset, all_fields, q, organizations.";
}

/// <summary><c>group_list</c>: the categories with datasets the caller can see.</summary>
internal sealed class GroupListAction(CkanCatalog catalog) : GroupListingAction(catalog, groups: true)
{
    public override string Name => "group_list";

    public override string Help => "Return the names of the site's groups (categories). Parameters: sort, limit, offset, all_fields, q, groups.";
}
