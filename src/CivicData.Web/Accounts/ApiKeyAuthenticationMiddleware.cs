using CivicData.Web.Datasets;
using Microsoft.AspNetCore.Http;

namespace CivicData.Web.Accounts;

/// <summary>
/// Reads credentials (see <see cref="RequestCredentials"/>) and, when they check out, puts the user's
/// <see cref="DatasetCaller"/> on the request. No credentials means anonymous; wrong ones are refused outright (401,
/// or the front door's own shape for it) rather than silently downgraded, so a script with a revoked key fails loudly.
/// Runs after routing, so the refusal is written in the shape of the endpoint that was asked for.
/// </summary>
internal sealed class ApiKeyAuthenticationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ApiKeyAuthenticator authenticator)
    {
        RequestCredentials? credentials = RequestCredentials.Read(context.Request, out bool malformed);
        if (malformed)
        {
            throw ApiKeyAuthenticator.Refused();
        }

        if (credentials is not null)
        {
            context.Features.Set(DatasetCaller.For(await authenticator.AuthenticateAsync(credentials, context.RequestAborted)));
        }

        await next(context);
    }
}
