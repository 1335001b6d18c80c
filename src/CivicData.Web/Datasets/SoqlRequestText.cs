using System.Globalization;
using System.Text;
using CivicData.Soql;

namespace CivicData.Web.Datasets;

/// <summary>A request's SoQL parts as one unambiguous text, for cache keys and ETags.</summary>
internal static class SoqlRequestText
{
    public static void Append(StringBuilder text, SoqlRequest request)
    {
        AppendPart(text, "select", request.Select);
        AppendPart(text, "where", request.Where);
        AppendPart(text, "order", request.Order);
        AppendPart(text, "group", request.Group);
        AppendPart(text, "having", request.Having);
        AppendPart(text, "limit", request.Limit);
        AppendPart(text, "offset", request.Offset);
        AppendPart(text, "q", request.Search);
        AppendPart(text, "query", request.Query);
        AppendPart(text, "system", request.IncludeSystemFields ? "true" : null);
        AppendPart(text, "default-limit", request.DefaultLimit?.ToString(CultureInfo.InvariantCulture));
        AppendPart(text, "max-limit", request.MaxLimit?.ToString(CultureInfo.InvariantCulture));

        // Simple filters are AND-ed, so their order does not matter.
        foreach (KeyValuePair<string, string> filter in request.SimpleFilters.OrderBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal))
        {
            AppendPart(text, "filter:" + filter.Key, filter.Value);
        }
    }

    private static void AppendPart(StringBuilder text, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        // Length-prefixed, so a value holding a newline cannot forge another part.
        text.Append(name).Append('=').Append(value.Length).Append(':').Append(value).Append('\n');
    }
}
