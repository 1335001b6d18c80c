using System.Diagnostics.CodeAnalysis;
using CivicData.Catalog.Search;

namespace CivicData.Catalog.Sqlite;

/// <summary>
/// Search results of one catalog generation, keyed by the normalised query. A result is only ever read back for the
/// generation it was computed in, so a write (which moves the generation on) makes every older result unreachable;
/// the first result stored in a newer generation drops them. At most <see cref="Capacity"/> results are held: when
/// full, the generation's results are all dropped and the cache fills again with the queries people still send.
/// </summary>
internal sealed class SearchResultCache
{
    /// <summary>A few hundred results of about 20 datasets each: a few megabytes at most.</summary>
    public const int Capacity = 256;

    // A lookup is a dictionary probe; the lock is held for nothing longer, so it costs little next to a search.
    private readonly Lock _lock = new();
    private readonly Dictionary<SearchKey, CatalogSearchResult> _results = [];
    private long _generation;

    /// <summary>How many results the cache holds now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _results.Count;
            }
        }
    }

    public bool TryGet(long generation, SearchKey key, [NotNullWhen(true)] out CatalogSearchResult? result)
    {
        lock (_lock)
        {
            if (_generation == generation)
            {
                return _results.TryGetValue(key, out result);
            }

            result = null;
            return false;
        }
    }

    /// <summary>Keeps a result computed from a snapshot taken while the catalog was at <paramref name="generation"/>.</summary>
    public void Add(long generation, SearchKey key, CatalogSearchResult result)
    {
        lock (_lock)
        {
            if (generation < _generation)
            {
                // A write finished while this search ran, so its result may already be out of date.
                return;
            }

            if (generation > _generation || _results.Count >= Capacity)
            {
                _results.Clear();
                _generation = generation;
            }

            _results[key] = result;
        }
    }

    /// <summary>A search as far as its result goes: the words as the full-text match expression, filters, page, audience.</summary>
    internal readonly record struct SearchKey(
        string? Match,
        string? Category,
        string? Department,
        string? Tag,
        int Offset,
        int Limit,
        bool IncludePrivate)
    {
        /// <summary>The ids, categories and tags lists as JSON, one per line (empty lines for no filter).</summary>
        public string Lists { get; init; } = "";

        public CatalogSort Sort { get; init; }

        public bool Descending { get; init; }

        /// <summary>CKAN's optional members (filters, ranges, private departments), one line each.</summary>
        public string Extensions { get; init; } = "";
    }
}
