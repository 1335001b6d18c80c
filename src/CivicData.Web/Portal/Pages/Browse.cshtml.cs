using System.Globalization;
using CivicData.Catalog;
using CivicData.Catalog.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicData.Web.Portal.Pages;

/// <summary>The catalog: words and facet filters as a GET form, so every result page has a shareable URL.</summary>
public sealed class BrowseModel(ICatalogStore catalog) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CatalogSearchResult Result { get; private set; } = new([], 0, [], [], []);

    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public bool HasFilters => !string.IsNullOrWhiteSpace(Query) || Category is not null || Department is not null || Tag is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        Result = await catalog.SearchAsync(
            new CatalogQuery
            {
                Text = string.IsNullOrWhiteSpace(Query) ? null : Query,
                Category = NullIfEmpty(Category),
                Department = NullIfEmpty(Department),
                Tag = NullIfEmpty(Tag),
                Offset = (PageNumber - 1) * PageSize,
                Limit = PageSize,
            },
            cancellationToken);
    }

    /// <summary>The URL of a search; the view passes the current values for whatever it doesn't change.</summary>
    public static string UrlFor(string? q, string? category, string? department, string? tag, int page = 1)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        Add("q", q);
        Add("category", category);
        Add("department", department);
        Add("tag", tag);
        if (page > 1)
        {
            Add("page", page.ToString(CultureInfo.InvariantCulture));
        }

        return "/browse" + QueryString.Create(parameters).Value;

        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parameters.Add(new(name, value));
            }
        }
    }

    public PaginationModel Pagination => new(PageNumber, PageCount, page => UrlFor(Query, Category, Department, Tag, page), "Search result pages");

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
