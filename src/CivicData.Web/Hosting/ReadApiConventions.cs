using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace CivicData.Web.Hosting;

/// <summary>
/// What every read API shares on the wire (style.md §5): CORS for GET from any origin without credentials, and Brotli
/// then gzip compression of JSON, CSV and GeoJSON. Write and admin endpoints never ask for the CORS policy.
/// </summary>
public static class ReadApiConventions
{
    /// <summary>The CORS policy a read-only front door requires with <c>.RequireCors(CorsPolicy)</c>.</summary>
    public const string CorsPolicy = "ReadApis";

    /// <summary>Headers a browser script may read: SODA's metadata headers and the validators.</summary>
    private static readonly string[] s_exposedHeaders =
    [
        "X-SODA2-Fields", "X-SODA2-Types", "X-SODA2-Legacy-Types", "X-SODA2-Data-Out-Of-Date",
        "X-SODA2-Truth-Last-Modified", "X-Socrata-RequestId", "ETag", "Last-Modified", "Content-Disposition",
    ];

    /// <summary>
    /// Machine-readable answers only. HTML is left out on purpose: pages carry antiforgery tokens next to echoed
    /// user input, which is what compression side channels (BREACH) feed on.
    /// </summary>
    private static readonly string[] s_compressedTypes =
    [
        "application/json", "application/problem+json", "application/vnd.geo+json", "application/geo+json",
        "application/ld+json", "text/csv", "text/css", "text/javascript", "application/javascript", "image/svg+xml",
    ];

    public static IServiceCollection AddReadApiConventions(this IServiceCollection services)
    {
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD")
            .AllowAnyHeader()
            .WithExposedHeaders(s_exposedHeaders)
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));

        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = s_compressedTypes;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });

        // Fastest: rows are compressed as they stream, and Brotli's default level costs more CPU than the query.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }
}
