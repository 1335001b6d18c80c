using System.Text.Json;
using CivicData.Core.Schema;
using CivicData.Web.Datasets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace CivicData.Web.Soda;

/// <summary>The headers of every SODA row answer (soda.md §7) and the conditional-request check, known before any row is read.</summary>
internal static class SodaResponseHeaders
{
    /// <summary>soda.md §7: omit the field and type headers rather than send something proxies may reject.</summary>
    private const int MaxHeaderLength = 4096;

    public static void Write(HttpResponse response, PreparedQuery query)
    {
        IHeaderDictionary headers = response.Headers;
        headers.AccessControlAllowOrigin = "*";
        headers["X-Socrata-RequestId"] = Guid.NewGuid().ToString("N");
        headers.ETag = query.ETag;

        string fields = JsonSerializer.Serialize(query.Compiled.Columns.Select(column => column.Name));
        string types = JsonSerializer.Serialize(query.Compiled.Columns.Select(column => column.Type.ToName()));
        if (fields.Length <= MaxHeaderLength && types.Length <= MaxHeaderLength)
        {
            headers["X-SODA2-Fields"] = fields;
            headers["X-SODA2-Types"] = types;
        }

        headers["X-SODA2-Legacy-Types"] = "false";
        headers["X-SODA2-Data-Out-Of-Date"] = "false";
        headers["X-SODA2-Truth-Last-Modified"] = HeaderUtilities.FormatDate(query.Dataset.DataUpdatedAt);
        headers.LastModified = HeaderUtilities.FormatDate(query.Dataset.LastModified);
    }

    /// <summary>
    /// RFC 9110 §13.2.2: If-None-Match decides when present; otherwise If-Modified-Since, at the header's one-second
    /// precision, against the later of the data and metadata change.
    /// </summary>
    public static bool NotModified(RequestHeaders request, PreparedQuery query)
    {
        if (request.IfNoneMatch is { Count: > 0 } ifNoneMatch)
        {
            return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(new EntityTagHeaderValue(query.ETag), useStrongComparison: false));
        }

        return request.IfModifiedSince is DateTimeOffset since
            && query.Dataset.LastModified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }
}
