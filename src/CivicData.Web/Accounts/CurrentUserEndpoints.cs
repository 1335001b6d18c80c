using CivicData.Catalog.Accounts;
using CivicData.Core;
using CivicData.Web.Datasets;
using CivicData.Web.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CivicData.Web.Accounts;

/// <summary>Socrata's "who am I": <c>GET /api/users/current.json</c> (soda.md §2.6).</summary>
public static class CurrentUserEndpoints
{
    public static IEndpointRouteBuilder MapCurrentUser(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/users/current.json", GetCurrentUser)
            .WithName("GetCurrentUser")
            .WithTags("SODA")
            .WithSummary("The user whose API key or password signed the request")
            .WithDescription("Answers 401 for anonymous requests. Send an API key as HTTP Basic: key id as user name, secret as password.")
            .Produces<CurrentUserDto>()
            .WithErrorFamily(ErrorFamily.Soda)
            .WithMetadata(new SkipStatusCodePagesAttribute());
        return endpoints;
    }

    private static Ok<CurrentUserDto> GetCurrentUser(DatasetCaller caller)
    {
        UserAccount account = caller.Account ?? throw new AuthenticationRequiredError(ApiKeyAuthenticator.FailureCode, "You must be logged in to access this resource");
        return TypedResults.Ok(new CurrentUserDto
        {
            Id = account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Email = account.Email,
            DisplayName = account.Email,
            ScreenName = account.Email,
            RoleName = account.Role.ToName(),
            Organization = account.Organization,
        });
    }
}
