using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace CivicData.Web.Dcat;

/// <summary>
/// The public catalog as one request sees it: the entries, the links, and the validators (ETag, Last-Modified) that
/// let harvesters revalidate instead of downloading the whole catalog again.
/// </summary>
public sealed class CatalogSnapshot
{
    private CatalogSnapshot(IReadOnlyList<CatalogEntry> entries, CatalogLinks links, DcatOptions options)
    {
        Entries = entries;
        Links = links;
        Options = options;
        Exported = [.. entries.Select(entry => new ExportedMetadata(entry, links, options))];
        LastModified = entries.Count == 0 ? null : entries.Max(entry => entry.Modified);
    }

    public IReadOnlyList<CatalogEntry> Entries { get; }

    public IReadOnlyList<ExportedMetadata> Exported { get; }

    public CatalogLinks Links { get; }

    public DcatOptions Options { get; }

    /// <summary>The latest change of any listed dataset; null for an empty catalog.</summary>
    public DateTimeOffset? LastModified { get; }

    public static async Task<CatalogSnapshot> LoadAsync(HttpRequest request, PublicCatalog catalog, DcatOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        IReadOnlyList<CatalogEntry> entries = await catalog.ListAsync(cancellationToken);
        return new CatalogSnapshot(entries, CatalogLinks.For(request, options), options);
    }

    /// <summary>
    /// A strong ETag over everything an export's bytes depend on: the format, the base URL, the portal's own
    /// description, and each dataset's id, version and change times.
    /// </summary>
    public string ETag(string format)
    {
        var text = new StringBuilder();
        text.Append("dcat-v1\n").Append(format).Append('\n').Append(Links.Root).Append('\n')
            .Append(Options.CatalogTitle).Append('\n').Append(Options.CatalogDescription).Append('\n')
            .Append(Options.OrganizationName).Append('\n').Append(Options.ContactEmail).Append('\n');
        foreach (CatalogEntry entry in Entries)
        {
            text.Append(entry.Id.Value).Append(' ')
                .Append(entry.Version.Number.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(entry.Record.MetadataUpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append((entry.Record.DataUpdatedAt?.UtcTicks ?? 0).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "\"" + Convert.ToHexStringLower(hash.AsSpan(0, 16)) + "\"";
    }

    /// <summary>Sets the validators and CORS-free caching headers; true when the client's copy is current (answer 304).</summary>
    public bool IsNotModified(HttpContext context, string format)
    {
        ArgumentNullException.ThrowIfNull(context);
        string etag = ETag(format);
        ResponseHeaders headers = context.Response.GetTypedHeaders();
        headers.ETag = EntityTagHeaderValue.Parse(etag);
        if (LastModified is { } lastModified)
        {
            headers.LastModified = lastModified;
        }

        headers.CacheControl = new CacheControlHeaderValue { Public = true, NoCache = true };
        RequestHeaders request = context.Request.GetTypedHeaders();
        if (request.IfNoneMatch.Count > 0)
        {
            return request.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(headers.ETag, useStrongComparison: false));
        }

        return LastModified is { } modified && request.IfModifiedSince is { } since && modified <= since;
    }
}
