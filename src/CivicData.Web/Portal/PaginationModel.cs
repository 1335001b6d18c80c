namespace CivicData.Web.Portal;

/// <summary>Input of the shared USWDS pagination partial: the current page (1-based), how many pages, and their links.</summary>
public sealed record PaginationModel(int Page, int PageCount, Func<int, string> UrlFor, string Label = "Pagination");
