using System.Globalization;
using System.Text;
using CivicData.Catalog.Search;
using Dapper;

namespace CivicData.Catalog.Sqlite;

/// <summary>
/// The optional search members CKAN's package_search needs: any-of filters on id, category, department, tag and
/// licence, and time ranges. As in the rest of the search, only constant text becomes SQL; every value
/// the caller sent is a parameter.
/// </summary>
public sealed partial class SqliteCatalogStore
{
    /// <summary>
    /// When a dataset last changed: metadata or data, whichever is later (ISO text sorts in time order); the same
    /// instant <see cref="CatalogSort.UpdatedAt"/> orders by.
    /// </summary>
    private const string ModifiedExpression = "MAX(COALESCE(d.data_updated_at, d.created_at), d.metadata_updated_at)";

    private static void AddExtensionConditions(CatalogQuery query, List<string> conditions, DynamicParameters parameters)
    {
        for (int i = 0; i < query.Filters.Count; i++)
        {
            CatalogFilter filter = query.Filters[i];
            if (filter.Values.Count == 0)
            {
                // Any of nothing matches nothing; none of nothing matches everything.
                conditions.Add(filter.Negated ? "1 = 1" : "1 = 0");
                continue;
            }

            string list = AddList(parameters, "f" + i.ToString(CultureInfo.InvariantCulture) + "_", filter.Values);
            string test = filter.Field switch
            {
                CatalogField.Id => $"d.id COLLATE NOCASE IN ({list})",
                CatalogField.Category => $"IFNULL(d.category, '') COLLATE NOCASE IN ({list})",
                CatalogField.Department => $"IFNULL(d.department, '') COLLATE NOCASE IN ({list})",
                CatalogField.License => $"IFNULL(d.license, '') COLLATE NOCASE IN ({list})",
                CatalogField.Tag => $"d.id IN (SELECT t.dataset_id FROM dataset_tags AS t WHERE t.tag COLLATE NOCASE IN ({list}))",
                _ => throw new ArgumentOutOfRangeException(nameof(query), filter.Field, "Unknown catalog field."),
            };
            conditions.Add(filter.Negated ? $"NOT ({test})" : test);
        }

        AddRange(query.Modified, ModifiedExpression, "modified", conditions, parameters);
        AddRange(query.Created, "d.created_at", "created", conditions, parameters);
    }

    private static void AddRange(CatalogRange? range, string expression, string name, List<string> conditions, DynamicParameters parameters)
    {
        if (range is null)
        {
            return;
        }

        if (range.From is DateTimeOffset from)
        {
            // Stored instants are whole milliseconds: "≥ 10.1234 ms" is "≥ 11 ms", and "> 10 ms" stays "> 10 ms".
            bool whole = IsWholeMillisecond(from);
            string op = range.FromInclusive || !whole ? ">=" : ">";
            parameters.Add(name + "_from", CatalogTimestamp.ToText(whole ? from : CatalogTimestamp.Truncate(from).AddMilliseconds(1)));
            conditions.Add($"{expression} {op} @{name}_from");
        }

        if (range.To is DateTimeOffset to)
        {
            string op = range.ToInclusive || !IsWholeMillisecond(to) ? "<=" : "<";
            parameters.Add(name + "_to", CatalogTimestamp.ToText(to));
            conditions.Add($"{expression} {op} @{name}_to");
        }
    }

    private static bool IsWholeMillisecond(DateTimeOffset value) => value.UtcTicks % TimeSpan.TicksPerMillisecond == 0;

    /// <summary>Adds one parameter per value and returns their placeholders, e.g. <c>@f0_0, @f0_1</c>.</summary>
    private static string AddList(DynamicParameters parameters, string prefix, IReadOnlyList<string> values)
    {
        var names = new StringBuilder();
        for (int i = 0; i < values.Count; i++)
        {
            string name = prefix + i.ToString(CultureInfo.InvariantCulture);
            parameters.Add(name, values[i]);
            names.Append(i == 0 ? "@" : ", @").Append(name);
        }

        return names.ToString();
    }

    /// <summary>The optional members as one unambiguous line per member, so the result cache tells searches apart.</summary>
    private static string DescribeExtensions(CatalogQuery query)
    {
        if (!query.HasExtensions)
        {
            return "";
        }

        var text = new StringBuilder();
        text.Append("private=").AppendJoin('\u001f', query.PrivateDepartments).Append('\n')
            .Append("published=").Append(query.PublishedOnly).Append('\n');
        foreach (CatalogFilter filter in query.Filters)
        {
            text.Append("filter=").Append(filter.Field).Append(filter.Negated ? " not " : " ").AppendJoin('\u001f', filter.Values).Append('\n');
        }

        AppendRange(text, "modified", query.Modified);
        AppendRange(text, "created", query.Created);
        return text.ToString();
    }

    private static void AppendRange(StringBuilder text, string name, CatalogRange? range)
    {
        if (range is not null)
        {
            text.Append(name).Append('=')
                .Append(range.FromInclusive ? '[' : '{').Append(range.From?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "*")
                .Append(" TO ").Append(range.To?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "*")
                .Append(range.ToInclusive ? ']' : '}').Append('\n');
        }
    }
}
