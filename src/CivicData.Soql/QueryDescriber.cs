using System.Globalization;
using System.Text;
using CivicData.Soql.Ast;
using CivicData.Soql.Binding;
using CivicData.Soql.Binding.BoundNodes;

namespace CivicData.Soql;

/// <summary>Describes a query in plain English for the portal and the logs ("rows where ward = 3, ordered by ...").</summary>
internal static class QueryDescriber
{
    public static string Describe(QuerySyntax syntax, QueryOptions options, BoundQuery bound)
    {
        var text = new StringBuilder();
        text.Append(syntax.Select is null ? "All columns" : "Columns " + string.Join(", ", bound.Select.Select(item => item.Name)));
        text.Append(" of ").Append(bound.IsAggregated ? (bound.GroupBy.IsEmpty ? "a summary of all rows" : "each group of rows") : "rows");

        List<string> conditions = [];
        if (syntax.Where is not null)
        {
            conditions.Add(Collapse(syntax.Where.Location.Text));
        }

        conditions.AddRange(options.SimpleFilters.Select(filter => $"{filter.Key} is '{filter.Value}'"));
        if (options.Search is { } search)
        {
            conditions.Add($"text matches '{search.Text}'");
        }

        if (conditions.Count > 0)
        {
            text.Append(" where ").Append(string.Join(" and ", conditions));
        }

        if (!syntax.GroupBy.IsEmpty)
        {
            text.Append(", grouped by ").Append(string.Join(", ", syntax.GroupBy.Select(group => Collapse(group.Location.Text))));
        }

        if (syntax.Having is not null)
        {
            text.Append(", keeping groups where ").Append(Collapse(syntax.Having.Location.Text));
        }

        if (!syntax.OrderBy.IsEmpty)
        {
            text.Append(", ordered by ").Append(string.Join(", ", syntax.OrderBy.Select(item =>
                Collapse(item.Expression.Location.Text) + (item.IsDescending ? " descending" : " ascending"))));
        }

        if (bound.Offset > 0)
        {
            text.Append(", skipping ").Append(bound.Offset.ToString(CultureInfo.InvariantCulture));
        }

        if (bound.Limit is { } limit)
        {
            text.Append(", at most ").Append(limit.ToString(CultureInfo.InvariantCulture)).Append(limit == 1 ? " row" : " rows");
        }

        return text.ToString();
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
