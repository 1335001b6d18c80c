using CivicData.Web.Datasets;
using CivicData.Web.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CivicData.Web.Ckan;

/// <summary>
/// CKAN's Action API (ckan.md §1): <c>/api/3/action/{name}</c> and <c>/api/action/{name}</c>, GET with a query string
/// or POST with a JSON object (or form fields). One route per path; <see cref="CkanActionRegistry"/> picks the action.
/// </summary>
public static class CkanEndpoints
{
    private static readonly string[] s_methods = [HttpMethods.Get, HttpMethods.Post];

    public static IEndpointRouteBuilder MapCkan(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/api")
            .WithTags("CKAN")
            .WithErrorFamily(ErrorFamily.Ckan)
            .WithMetadata(new SkipStatusCodePagesAttribute());

        const string description =
            "Calls a CKAN action by name: status_show, package_list, package_show, package_search, resource_show, organization_list/show, " +
            "group_list/show, tag_list, license_list, package_autocomplete, datastore_search, datastore_info, datastore_search_sql and more. " +
            "Read actions take GET with a query string or POST with a JSON object; the answer is CKAN's {help, success, result} envelope.";
        group.MapMethods("/3/action/{" + CkanEnvelope.ActionRouteValue + "}", s_methods, InvokeAsync)
            .WithName("CkanAction")
            .WithSummary("Call a CKAN action (API version 3)")
            .WithDescription(description)
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status400BadRequest, contentType: "application/json")
            .Produces(StatusCodes.Status403Forbidden, contentType: "application/json")
            .Produces(StatusCodes.Status404NotFound, contentType: "application/json")
            .Produces(StatusCodes.Status409Conflict, contentType: "application/json");
        group.MapMethods("/action/{" + CkanEnvelope.ActionRouteValue + "}", s_methods, InvokeAsync)
            .WithName("CkanActionUnversioned")
            .WithSummary("Call a CKAN action (unversioned path, as ckanapi does)")
            .WithDescription(description)
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status400BadRequest, contentType: "application/json")
            .Produces(StatusCodes.Status403Forbidden, contentType: "application/json")
            .Produces(StatusCodes.Status404NotFound, contentType: "application/json")
            .Produces(StatusCodes.Status409Conflict, contentType: "application/json");
        group.MapGet("/{version:int:range(1,3)}", GetVersion)
            .WithName("CkanApiVersion")
            .WithSummary("The CKAN API version of this path")
            .WithDescription("{\"version\": N} for /api/1, /api/2 and /api/3, as CKAN answers; clients probe it.");
        return endpoints;
    }

    private static JsonHttpResult<ApiVersionDto> GetVersion(int version, HttpContext context)
    {
        context.Response.Headers.AccessControlAllowOrigin = "*";
        return TypedResults.Json(new ApiVersionDto(version), CkanJson.Options, CkanJson.ContentType);
    }

    private static async Task<IResult> InvokeAsync(string action, HttpContext context, CkanActionRegistry registry, CancellationToken cancellationToken)
    {
        ICkanAction found = registry.Find(action) ?? throw CkanErrors.UnknownAction(action);
        if (!found.IsReadOnly && !HttpMethods.IsPost(context.Request.Method))
        {
            throw CkanErrors.BadRequest("JSON Error: Invalid request. Please use POST method for your request");
        }

        CkanParameters parameters = await CkanParameters.ReadAsync(context.Request, cancellationToken);
        var call = new CkanActionContext(action, parameters, DatasetCaller.FromContext(context), context);
        CkanResult result = await found.InvokeAsync(call, cancellationToken);
        return new CkanActionResult(action, result, call.Caller);
    }

    private sealed record ApiVersionDto(int Version);
}
