using Microsoft.AspNetCore.Builder;

namespace CivicData.Web.Errors;

public static class ErrorFamilyExtensions
{
    /// <summary>Errors thrown by these endpoints are written in <paramref name="family"/>'s shape.</summary>
    public static TBuilder WithErrorFamily<TBuilder>(this TBuilder builder, ErrorFamily family)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint => endpoint.Metadata.Add(new ErrorFamilyMetadata(family)));
        return builder;
    }
}
