using CivicData.Catalog.Search;
using CivicData.Web.Ckan.Wire;

namespace CivicData.Web.Ckan.Actions;

/// <summary><c>tag_list</c> (ckan.md §4.10): the free tags of active public datasets; no vocabularies exist here.</summary>
internal sealed class TagListAction(CkanCatalog catalog) : ICkanAction
{
    public string Name => "tag_list";

    public bool IsReadOnly => true;

    public string Help => "Return the names of the tags used by the site's public datasets. Parameters: query (or q) substring, all_fields.";

    public async Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Parameters.GetString("vocabulary_id") is { Length: > 0 })
        {
            throw CkanErrors.NotFound("Could not find vocabulary");
        }

        string? text = context.Parameters.GetString("query") ?? context.Parameters.GetString("q");
        bool allFields = context.Parameters.GetBoolean("all_fields", false);
        CatalogSearchResult result = await catalog.Store.SearchAsync(new CatalogQuery { Limit = 1 }, cancellationToken);
        List<string> tags =
        [
            .. result.Tags.Select(facet => facet.Value)
                .Where(tag => string.IsNullOrWhiteSpace(text) || tag.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal),
        ];
        return allFields
            ? CkanResult.Of(tags.Select(tag => new TagDto(tag, tag, tag)).ToList())
            : CkanResult.Of(tags);
    }
}
