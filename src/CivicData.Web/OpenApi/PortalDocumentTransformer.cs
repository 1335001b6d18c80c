using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CivicData.Web.OpenApi;

/// <summary>
/// What the document says as a whole: title and description, the server the reader is talking to, one tag per API
/// family with its description, and HTTP Basic with an API key as the (optional) security scheme.
/// </summary>
internal sealed class PortalDocumentTransformer(IHttpContextAccessor httpContextAccessor) : IOpenApiDocumentTransformer
{
    public const string SecuritySchemeName = "apiKey";

    private const string Description =
        "One open data portal, several front doors onto the same datasets: Socrata's SODA 2.1 and views APIs, the " +
        "Discovery API, CKAN's Action API and DataStore, and DCAT metadata catalogs for harvesters.\n\n" +
        "Reading public datasets needs no credentials. Private datasets, drafts and every write need an API key, sent " +
        "as HTTP Basic (key id as user name, secret as password); CKAN clients may send the raw `KEY_ID:SECRET` in " +
        "`Authorization` or `X-CKAN-API-Key` instead. Examples use the demo datasets of `civicdata serve --demo`; " +
        "`docs/api.md` has the full reference with curl examples.";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "CivicData APIs",
            Version = "v1",
            Description = Description,
            License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
        };

        // The address the reader used, so "Try it" calls this portal whatever host name or proxy path it sits behind.
        if (httpContextAccessor.HttpContext?.Request is { } request)
        {
            document.Servers = [new OpenApiServer { Url = $"{request.Scheme}://{request.Host}{request.PathBase}" }];
        }

        document.Tags = FamilyTags(document);

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "basic",
            Description = "An API key from `civicdata key create EMAIL`: key id as the user name, secret as the password.",
        };

        // Either anonymous (the empty requirement) or with a key: reads of public data need nothing.
        document.Security =
        [
            new OpenApiSecurityRequirement(),
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] },
        ];
        return Task.CompletedTask;
    }

    /// <summary>The families that have operations, in <see cref="ApiFamilies.All"/>'s order, then any other tag in use.</summary>
    private static HashSet<OpenApiTag> FamilyTags(OpenApiDocument document)
    {
        HashSet<string> used = [.. (document.Paths ?? [])
            .SelectMany(path => path.Value.Operations ?? [])
            .SelectMany(operation => operation.Value.Tags ?? Enumerable.Empty<OpenApiTagReference>())
            .Select(tag => tag.Name)
            .OfType<string>()];
        IEnumerable<OpenApiTag> families = ApiFamilies.All
            .Where(family => used.Contains(family.Name))
            .Select(family => new OpenApiTag { Name = family.Name, Description = family.Description });
        IEnumerable<OpenApiTag> others = used
            .Where(name => !ApiFamilies.All.Any(family => family.Name == name))
            .Order(StringComparer.Ordinal)
            .Select(name => new OpenApiTag { Name = name });
        return [.. families.Concat(others)];
    }
}
