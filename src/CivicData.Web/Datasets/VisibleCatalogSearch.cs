using System.Collections.Immutable;
using CivicData.Catalog;
using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;

namespace CivicData.Web.Datasets;

/// <summary>
/// Catalog searches as a caller may see them: published datasets only, and private ones only for callers who may see
/// them (<see cref="DatasetCaller.MaySee"/>), with the total and the facets counted over what the caller sees.
/// </summary>
/// <remarks>
/// Anonymous searches go straight to the store, which filters them itself. The store has no notion of an organisation,
/// so for a signed-in caller every match (private ones included) is read, 1000 at a time, and filtered here; a
/// catalog of a few thousand datasets makes that a few small queries.
/// </remarks>
public sealed class VisibleCatalogSearch(ICatalogStore catalog)
{
    private const int ScanPage = 1000;

    public Task<CatalogSearchResult> SearchAsync(CatalogQuery query, DatasetCaller caller, CancellationToken cancellationToken) =>
        SearchAsync(query, caller, filter: null, cancellationToken);

    /// <param name="filter">
    /// A further test the store cannot make (a front door's own filters); the page, total and facets then cover only
    /// the matches it keeps, which costs reading every match.
    /// </param>
    public async Task<CatalogSearchResult> SearchAsync(
        CatalogQuery query, DatasetCaller caller, Func<DatasetRecord, CancellationToken, ValueTask<bool>>? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsAuthenticated && filter is null)
        {
            return await catalog.SearchAsync(query with { IncludePrivate = false }, cancellationToken);
        }

        var visible = new List<DatasetRecord>();
        for (int offset = 0; ; offset += ScanPage)
        {
            CatalogSearchResult page = await catalog.SearchAsync(
                query with { IncludePrivate = caller.IsAuthenticated, Offset = offset, Limit = ScanPage }, cancellationToken);
            foreach (DatasetRecord record in page.Datasets)
            {
                if (record.CurrentVersion is not null && caller.MaySee(record.Metadata)
                    && (filter is null || await filter(record, cancellationToken)))
                {
                    visible.Add(record);
                }
            }

            if (offset + ScanPage >= page.Total)
            {
                break;
            }
        }

        return new CatalogSearchResult(
            [.. visible.Skip(query.Offset).Take(query.Limit)],
            visible.Count,
            Count(visible.Select(record => record.Metadata.Category)),
            Count(visible.Select(record => record.Metadata.Department)),
            Count(visible.SelectMany(record => record.Metadata.Tags.Distinct(StringComparer.Ordinal))));
    }

    /// <summary>Facet counts as the store gives them: most frequent first, then by value; empty values left out.</summary>
    private static ImmutableArray<FacetCount> Count(IEnumerable<string?> values) =>
        [.. values
            .Where(value => !string.IsNullOrEmpty(value))
            .GroupBy(value => value!, StringComparer.Ordinal)
            .Select(group => new FacetCount(group.Key, group.Count()))
            .OrderByDescending(facet => facet.Count)
            .ThenBy(facet => facet.Value, StringComparer.Ordinal)];
}
