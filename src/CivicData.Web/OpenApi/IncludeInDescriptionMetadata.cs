using Microsoft.AspNetCore.Routing;

namespace CivicData.Web.OpenApi;

/// <summary>
/// Puts back into the OpenAPI document an endpoint that its library hid (the last such metadata wins): the document
/// itself is one of CivicData's own endpoints, and a reader of the native family should find it listed there.
/// </summary>
internal sealed class IncludeInDescriptionMetadata : IExcludeFromDescriptionMetadata
{
    public bool ExcludeFromDescription => false;
}
