using System.Collections.Immutable;
using CivicData.Catalog.Search;

namespace CivicData.Web.Ckan.Search;

/// <summary>
/// Turns parsed <c>q</c>/<c>fq</c> clauses into catalog search members (ckan.md §4.4). What the catalog can answer is an
/// AND of clauses, each a set of values of one field (<c>organization:a OR organization:b</c>, <c>tags:(x OR y)</c>),
/// possibly negated, a time range, or free words; that covers what harvesters and ckanapi send. Other shapes are a
/// <c>Search Query Error</c> that says so, never a wrong answer.
/// </summary>
internal sealed class PackageSearchFilter
{
    private readonly List<CatalogFilter> _filters = [];
    private readonly List<string> _words = [];
    private readonly TimeProvider _clock;
    private readonly ILookup<string, string> _departmentsBySlug;
    private readonly ILookup<string, string> _categoriesBySlug;
    private readonly bool _scopeIncludesPrivate;

    /// <param name="departments">Every department name the scoped search can see (org names are their slugs).</param>
    /// <param name="categories">Every category name the scoped search can see.</param>
    public PackageSearchFilter(TimeProvider clock, IEnumerable<string> departments, IEnumerable<string> categories, bool scopeIncludesPrivate)
    {
        _clock = clock;
        _departmentsBySlug = departments.ToLookup(CkanNames.Slug, StringComparer.OrdinalIgnoreCase);
        _categoriesBySlug = categories.ToLookup(CkanNames.Slug, StringComparer.OrdinalIgnoreCase);
        _scopeIncludesPrivate = scopeIncludesPrivate;
    }

    public IReadOnlyList<CatalogFilter> Filters => _filters;

    public CatalogRange? Modified { get; private set; }

    public CatalogRange? Created { get; private set; }

    /// <summary>Free-text words from the clauses, for the catalog's full-text match.</summary>
    public string? Words => _words.Count == 0 ? null : string.Join(' ', _words);

    public void Add(SolrNode node, string parameter)
    {
        switch (node)
        {
            case SolrMatchAll:
                return;
            case SolrAnd and:
                foreach (SolrNode operand in and.Operands)
                {
                    Add(operand, parameter);
                }

                return;
            case SolrTerm { Field: null } word:
                _words.Add(word.Value);
                return;
            case SolrRange range:
                AddRange(range);
                return;
            case SolrNot { Operand: SolrMatchAll }:
                _filters.Add(Nothing);
                return;
            case SolrNot not when Values(not.Operand) is { } excluded:
                AddField(excluded.Field, excluded.Values, negated: true);
                return;
            default:
                if (Values(node) is { } included)
                {
                    AddField(included.Field, included.Values, negated: false);
                    return;
                }

                throw CkanErrors.SearchQuery(
                    $"{parameter}: only clauses joined by AND (or spaces) are supported, each one field's values (field:a OR field:b), negated or not, or a range.");
        }
    }

    private static CatalogFilter Nothing => new(CatalogField.Id, []);

    /// <summary>A term, or an OR of terms, all on one field: that field and its values.</summary>
    private static FieldValues? Values(SolrNode node)
    {
        switch (node)
        {
            case SolrTerm { Field: { } field } term:
                return term.Prefix ? throw CkanErrors.SearchQuery($"Prefix searches ({field}:{term.Value}*) are not supported") : new FieldValues(field, [term.Value]);
            case SolrOr or:
                var values = ImmutableArray.CreateBuilder<string>();
                string? common = null;
                foreach (SolrNode operand in or.Operands)
                {
                    if (Values(operand) is not { } inner || (common is not null && common != inner.Field))
                    {
                        return null;
                    }

                    common = inner.Field;
                    values.AddRange(inner.Values);
                }

                return common is null ? null : new FieldValues(common, values.ToImmutable());
            default:
                return null;
        }
    }

    private void AddField(string field, ImmutableArray<string> values, bool negated)
    {
        switch (field)
        {
            case "id" or "name":
                _filters.Add(new CatalogFilter(CatalogField.Id, [.. values.Select(value => value.ToLowerInvariant())], negated));
                break;
            case "organization" or "owner_org":
                _filters.Add(new CatalogFilter(CatalogField.Department, [.. values.SelectMany(value => _departmentsBySlug[value.Trim()])], negated));
                break;
            case "groups":
                _filters.Add(new CatalogFilter(CatalogField.Category, [.. values.SelectMany(value => _categoriesBySlug[value.Trim()])], negated));
                break;
            case "tags":
                _filters.Add(new CatalogFilter(CatalogField.Tag, values, negated));
                break;
            case "license_id":
                _filters.Add(new CatalogFilter(CatalogField.License, [.. values.SelectMany(CkanLicenses.NamesFor)], negated));
                break;
            case "res_format":
                // Every dataset has a CSV (the DataStore table) and a JSON download.
                AddConstant(values.Any(value => value.ToUpperInvariant() is "CSV" or "JSON"), negated);
                break;
            case "state":
                AddConstant(values.Contains("active", StringComparer.OrdinalIgnoreCase), negated);
                break;
            case "type" or "dataset_type":
                AddConstant(values.Contains("dataset", StringComparer.OrdinalIgnoreCase), negated);
                break;
            case "capacity" or "private":
                if (_scopeIncludesPrivate)
                {
                    throw CkanErrors.SearchQuery($"Searching on {field} together with include_private is not supported");
                }

                AddConstant(values.Any(value => value.ToLowerInvariant() is "public" or "false"), negated);
                break;
            case "title" or "notes" or "text" when !negated:
                _words.AddRange(values.Length == 1 ? values : throw CkanErrors.SearchQuery($"OR over {field} is not supported"));
                break;
            default:
                throw CkanErrors.SearchQuery($"Searching on field \"{field}\" is not supported");
        }
    }

    private void AddConstant(bool matches, bool negated)
    {
        if (matches == negated)
        {
            _filters.Add(Nothing);
        }
    }

    private void AddRange(SolrRange range)
    {
        DateTimeOffset? from = range.From is null ? null : SolrDate.Parse(range.From, range.Field, _clock);
        DateTimeOffset? to = range.To is null ? null : SolrDate.Parse(range.To, range.Field, _clock);
        var value = new CatalogRange(from, to, range.FromInclusive, range.ToInclusive);
        switch (range.Field)
        {
            case "metadata_modified" when Modified is null:
                Modified = value;
                break;
            case "metadata_created" when Created is null:
                Created = value;
                break;
            case "metadata_modified" or "metadata_created":
                throw CkanErrors.SearchQuery($"Only one range on {range.Field} is supported");
            default:
                throw CkanErrors.SearchQuery($"Ranges on field \"{range.Field}\" are not supported");
        }
    }

    private sealed record FieldValues(string Field, ImmutableArray<string> Values);
}
