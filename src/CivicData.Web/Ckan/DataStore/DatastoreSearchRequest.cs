using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CivicData.Core.Schema;
using CivicData.Soql;

namespace CivicData.Web.Ckan.DataStore;

/// <summary>
/// datastore_search's parameters (ckan.md §5.1), checked against the table's columns and turned into SoQL: filters
/// become a <c>$where</c> of equality and IN tests, <c>q</c> the full-text <c>$q</c> (or per-column
/// <c>caseless_contains</c>), <c>sort</c> an <c>$order</c>. Every column name is checked here first, so the messages
/// are CKAN's, keyed by the parameter; every value goes into the SoQL as a literal the compiler makes a parameter.
/// </summary>
internal sealed class DatastoreSearchRequest
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 32_000;

    private static readonly FrozenSet<string> s_known = new[]
    {
        "resource_id", "id", "filters", "q", "full_text", "plain", "language", "distinct", "fields", "sort", "limit",
        "offset", "include_total", "total_estimation_threshold", "records_format", "callback",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_formats = new[] { "objects", "lists", "csv", "tsv" }.ToFrozenSet(StringComparer.Ordinal);

    private DatastoreSearchRequest()
    {
    }

    public required IReadOnlyList<string> Fields { get; init; }

    public string? Where { get; init; }

    public string? Search { get; init; }

    public string? Order { get; init; }

    /// <summary>The sort as CKAN echoes it (the text given, or <c>_id</c>).</summary>
    public string? SortText { get; init; }

    public int Limit { get; init; }

    public int Offset { get; init; }

    public bool Distinct { get; init; }

    public bool IncludeTotal { get; init; }

    public required string RecordsFormat { get; init; }

    /// <summary>Fails with CKAN's Validation Error for a parameter that is unknown or wrong.</summary>
    public static void CheckNames(CkanParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (string name in parameters.Names)
        {
            if (!s_known.Contains(name))
            {
                throw CkanErrors.Invalid(name, $"The input field {name} was not expected.");
            }
        }
    }

    public static DatastoreSearchRequest Parse(CkanParameters parameters, DatastoreColumns columns)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(columns);
        CheckNames(parameters);
        if (!parameters.GetBoolean("plain", true))
        {
            throw CkanErrors.Invalid("plain", "Only plain full-text search (plain=true) is supported");
        }

        string format = parameters.GetString("records_format") ?? "objects";
        if (!s_formats.Contains(format))
        {
            throw CkanErrors.Invalid("records_format", $"invalid value \"{format}\"");
        }

        bool distinct = parameters.GetBoolean("distinct", false);
        IReadOnlyList<string> fields = ParseFields(parameters, columns);
        var where = new List<string>();
        AddFilters(parameters, columns, where);
        string? search = AddQ(parameters, columns, where);
        (string? order, string? sortText) = Sort(parameters, columns, distinct);
        return new DatastoreSearchRequest
        {
            Fields = fields,
            Where = where.Count == 0 ? null : string.Join(" AND ", where),
            Search = search,
            Order = order,
            SortText = sortText,
            Limit = Math.Min(parameters.GetNatural("limit", DefaultLimit), MaxLimit),
            Offset = parameters.GetNatural("offset", 0),
            Distinct = distinct,
            IncludeTotal = parameters.GetBoolean("include_total", true),
            RecordsFormat = format,
        };
    }

    /// <summary>The rows' query.</summary>
    public SoqlRequest ToRows() => new()
    {
        Select = (Distinct ? "DISTINCT " : "") + string.Join(", ", Fields.Select(SoqlText.Column)),
        Where = Where,
        Search = Search,
        Order = Order,
        Limit = Limit.ToString(CultureInfo.InvariantCulture),
        Offset = Offset.ToString(CultureInfo.InvariantCulture),
        DefaultLimit = DefaultLimit,
        MaxLimit = MaxLimit,
    };

    /// <summary>The total's query: every matching row (or distinct row), counted.</summary>
    public SoqlRequest ToTotal()
    {
        if (!Distinct)
        {
            return new SoqlRequest { Select = "count(*) AS total", Where = Where, Search = Search, MaxLimit = null };
        }

        var query = new StringBuilder("SELECT DISTINCT ").AppendJoin(", ", Fields.Select(SoqlText.Column));
        if (Where is not null)
        {
            query.Append(" WHERE ").Append(Where);
        }

        if (Search is not null)
        {
            query.Append(" SEARCH ").Append(SoqlText.Literal(Search));
        }

        query.Append(" |> SELECT count(*) AS total");
        return new SoqlRequest { Query = query.ToString(), MaxLimit = null, DefaultLimit = null };
    }

    private static List<string> ParseFields(CkanParameters parameters, DatastoreColumns columns)
    {
        IReadOnlyList<string>? requested = parameters.GetStringList("fields", commaSeparated: true);
        if (requested is null || requested.Count == 0)
        {
            return [.. columns.Names];
        }

        foreach (string field in requested)
        {
            if (!columns.Contains(field))
            {
                throw CkanErrors.Invalid("fields", $"field \"{field}\" not in table");
            }
        }

        return [.. requested];
    }

    private static void AddFilters(CkanParameters parameters, DatastoreColumns columns, List<string> where)
    {
        JsonElement? filters;
        try
        {
            filters = parameters.GetJson("filters", textAllowed: false);
        }
        catch (Core.ValidationError)
        {
            throw CkanErrors.Invalid("filters", "Not a json object");
        }

        if (filters is null or { ValueKind: JsonValueKind.Null })
        {
            return;
        }

        if (filters is not { ValueKind: JsonValueKind.Object } filter)
        {
            throw CkanErrors.Invalid("filters", "Not a json object");
        }

        foreach (JsonProperty property in filter.EnumerateObject())
        {
            string name = property.Name;
            if (!columns.Contains(name))
            {
                throw CkanErrors.Invalid("filters", $"field \"{name}\" not in table");
            }

            if (columns.Find(name) is { } column && (column.Type.IsGeometry() || column.Type == SodaType.Json))
            {
                throw CkanErrors.Invalid("filters", $"field \"{name}\" cannot be filtered on");
            }

            JsonElement value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                where.Add(SoqlText.Column(name) + " IS NULL");
                continue;
            }

            List<string> literals = value.ValueKind == JsonValueKind.Array
                ? [.. value.EnumerateArray().Select(item => FilterLiteral(name, item))]
                : [FilterLiteral(name, value)];
            where.Add(literals.Count switch
            {
                0 => "false",
                1 => SoqlText.Column(name) + " = " + literals[0],
                _ => SoqlText.Column(name) + " IN (" + string.Join(", ", literals) + ")",
            });
        }
    }

    private static string FilterLiteral(string field, JsonElement value)
    {
        string text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => throw CkanErrors.Invalid("filters", $"invalid value for field \"{field}\""),
        };
        if (field != DatastoreColumns.RowId)
        {
            return SoqlText.Literal(text);
        }

        return RowIds.TryParse(text, out long id)
            ? SoqlText.Literal(RowIds.ToSystemId(id))
            : throw CkanErrors.Invalid("filters", $"invalid value \"{text}\" for field \"_id\"");
    }

    /// <summary><c>q</c> as text (and <c>full_text</c>) → words for $q; <c>q</c> as an object → per-column tests.</summary>
    private static string? AddQ(CkanParameters parameters, DatastoreColumns columns, List<string> where)
    {
        var words = new List<string>();
        if (parameters.GetString("full_text") is { } fullText && !string.IsNullOrWhiteSpace(fullText))
        {
            words.Add(fullText);
        }

        JsonElement? q = parameters.GetJson("q", textAllowed: true);
        switch (q)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                break;
            case { ValueKind: JsonValueKind.String } text:
                if (!string.IsNullOrWhiteSpace(text.GetString()))
                {
                    words.Add(text.GetString()!);
                }

                break;
            case { ValueKind: JsonValueKind.Object } perColumn:
                foreach (JsonProperty property in perColumn.EnumerateObject())
                {
                    if (columns.Find(property.Name) is not { Type: SodaType.Text or SodaType.Url })
                    {
                        throw CkanErrors.Invalid("q", $"field \"{property.Name}\" not in table or not text");
                    }

                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        throw CkanErrors.Invalid("q", $"invalid value for field \"{property.Name}\"");
                    }

                    where.Add($"caseless_contains({SoqlText.Column(property.Name)}, {SoqlText.Literal(property.Value.GetString()!)})");
                }

                break;
            default:
                throw CkanErrors.Invalid("q", "Must be a string or an object");
        }

        return words.Count == 0 ? null : string.Join(' ', words);
    }

    private static (string? Order, string? Text) Sort(CkanParameters parameters, DatastoreColumns columns, bool distinct)
    {
        IReadOnlyList<string>? items = parameters.GetStringList("sort", commaSeparated: true);
        if (items is null || items.Count == 0)
        {
            // DISTINCT rows have no single _id to order by.
            return distinct ? (null, null) : (SystemColumns.Id, DatastoreColumns.RowId);
        }

        var order = new List<string>();
        foreach (string item in items)
        {
            string rest = item.Trim();
            string name;
            if (rest.StartsWith('"'))
            {
                int close = rest.IndexOf('"', 1);
                if (close < 0)
                {
                    throw CkanErrors.Invalid("sort", $"invalid sort \"{item}\"");
                }

                name = rest[1..close];
                rest = rest[(close + 1)..];
            }
            else
            {
                int space = rest.IndexOf(' ', StringComparison.Ordinal);
                name = space < 0 ? rest : rest[..space];
                rest = space < 0 ? "" : rest[space..];
            }

            if (!columns.Contains(name))
            {
                throw CkanErrors.Invalid("sort", $"field \"{name}\" not in table");
            }

            string[] words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var clause = new StringBuilder(SoqlText.Column(name));
            int next = 0;
            if (next < words.Length && words[next].ToUpperInvariant() is "ASC" or "DESC")
            {
                clause.Append(' ').Append(words[next++].ToUpperInvariant());
            }

            if (next + 1 < words.Length && words[next].Equals("nulls", StringComparison.OrdinalIgnoreCase)
                && words[next + 1].ToUpperInvariant() is "FIRST" or "LAST")
            {
                clause.Append(" NULLS ").Append(words[next + 1].ToUpperInvariant());
                next += 2;
            }

            if (next != words.Length)
            {
                throw CkanErrors.Invalid("sort", $"invalid sort \"{item}\"");
            }

            order.Add(clause.ToString());
        }

        return (string.Join(", ", order), string.Join(", ", items));
    }
}
