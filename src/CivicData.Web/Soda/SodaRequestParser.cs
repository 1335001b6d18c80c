using CivicData.Core;
using CivicData.Soql;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CivicData.Web.Soda;

/// <summary>What a <c>/resource</c> query string asks for: the SoQL parts, and the output options around them.</summary>
public sealed record SodaQueryString(SoqlRequest Request, bool ByteOrderMark);

/// <summary>
/// Splits a <c>/resource</c> query string (soda.md §3): <c>$</c> parameters are SoQL clauses (unknown ones are an
/// error), <c>$$</c> parameters are options (unknown ones are ignored), anything else is a simple filter.
/// </summary>
public static class SodaRequestParser
{
    public static SodaQueryString Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var request = new SoqlRequest();
        var filters = new List<KeyValuePair<string, string>>();
        bool bom = false;
        foreach ((string name, StringValues values) in query)
        {
            // A repeated SoQL parameter is ambiguous; the first one wins, as most servers do.
            string value = values.Count > 0 ? values[0] ?? "" : "";
            if (name.StartsWith("$$", StringComparison.Ordinal))
            {
                switch (name)
                {
                    case "$$exclude_system_fields":
                        request = request with { IncludeSystemFields = IsFalse(value) };
                        break;
                    case "$$bom":
                        bom = IsTrue(value);
                        break;
                    default:
                        // $$app_token, $$version, $$read_from_nbe ... are Socrata-internal or handled elsewhere.
                        break;
                }

                continue;
            }

            if (name.StartsWith('$'))
            {
                request = name switch
                {
                    "$select" => request with { Select = value },
                    "$where" => request with { Where = value },
                    "$order" => request with { Order = value },
                    "$group" => request with { Group = value },
                    "$having" => request with { Having = value },
                    "$limit" => request with { Limit = value },
                    "$offset" => request with { Offset = value },
                    "$q" => request with { Search = value },
                    "$query" => request with { Query = value },
                    _ => throw new QueryError(
                        "query.soql.unknown-parameter",
                        $"Unrecognized query parameter '{name}'.",
                        new Dictionary<string, object?> { ["parameter"] = name }),
                };
                continue;
            }

            foreach (string? filter in values)
            {
                filters.Add(new KeyValuePair<string, string>(name, filter ?? ""));
            }
        }

        return new SodaQueryString(request with { SimpleFilters = filters }, bom);
    }

    /// <summary>A <c>$$</c> switch such as <c>$$bom=true</c>: only "true" (any case, blanks around it) turns it on.</summary>
    internal static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A <c>$$</c> switch turned off, such as <c>$$exclude_system_fields=false</c>.</summary>
    internal static bool IsFalse(string? value) => string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
}
