using CivicData.Core;

namespace CivicData.Web.Ckan;

/// <summary>
/// The CivicData errors CKAN actions throw, with the codes <see cref="CkanErrorWriter"/> turns into CKAN's
/// <c>__type</c> strings and statuses (ckan.md §2.2, §2.3).
/// </summary>
internal static class CkanErrors
{
    /// <summary>§2.3: answered 400 with the message as a bare JSON string, outside the envelope.</summary>
    public const string BadRequestCode = "ckan.bad-request";

    /// <summary>400 <c>Search Query Error</c>.</summary>
    public const string SearchQueryCode = "ckan.search-query";

    /// <summary>409 <c>Search Error</c>.</summary>
    public const string SearchCode = "ckan.search";

    /// <summary>409 <c>Validation Error</c> whose details are field name → list of messages.</summary>
    public const string ValidationCode = "ckan.validation";

    public static ValidationError BadRequest(string message) => new(BadRequestCode, "Bad request: " + message);

    public static ValidationError UnknownAction(string name) => BadRequest("Action name not known: " + name);

    public static ValidationError SearchQuery(string message) => new(SearchQueryCode, "Search Query is invalid: " + message);

    public static ValidationError Search(string message) => new(SearchCode, "Search error: " + message);

    /// <summary>A Validation Error about one parameter or field.</summary>
    public static ValidationError Invalid(string field, string message) =>
        new(ValidationCode, message, new Dictionary<string, object?> { [field] = new[] { message } });

    public static ValidationError Missing(string field) => Invalid(field, "Missing value");

    public static NotFoundError NotFound(string what) => new("ckan.not-found", "Not found: " + what);

    public static PermissionDeniedError Denied(string message) => new("ckan.denied", "Access denied: " + message);
}
