using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CivicData.Web.Ckan;

/// <summary>The parts of CKAN's envelope (ckan.md §2.1) that success and error responses share.</summary>
internal static class CkanEnvelope
{
    /// <summary>The route value that names the action.</summary>
    public const string ActionRouteValue = "action";

    /// <summary>The called action's name; after an exception the handler feature keeps the route values the request lost.</summary>
    public static string ActionNameOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RouteValueDictionary? values = context.Features.Get<IExceptionHandlerFeature>()?.RouteValues ?? context.Request.RouteValues;
        return values is not null && values.TryGetValue(ActionRouteValue, out object? name) && name is string text ? text : "";
    }

    /// <summary>
    /// The absolute help_show URL for <paramref name="action"/>, under the same API path the client used
    /// (<c>/api/3/action</c> or <c>/api/action</c>).
    /// </summary>
    public static string HelpUrl(HttpRequest request, string action)
    {
        ArgumentNullException.ThrowIfNull(request);
        string apiPath = request.Path.StartsWithSegments("/api/3", StringComparison.Ordinal) ? "/api/3" : "/api";
        return $"{BaseUrl(request)}{apiPath}/action/help_show?name={Uri.EscapeDataString(action)}";
    }

    /// <summary>Scheme, host and path base of the request: what absolute links in results start with.</summary>
    public static string BaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}";
    }
}
