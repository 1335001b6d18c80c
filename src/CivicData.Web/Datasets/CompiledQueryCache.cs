using System.Text;
using CivicData.Core.Schema;
using CivicData.Soql;
using CivicData.Soql.Rendering.Dialects;
using Microsoft.Extensions.Caching.Memory;

namespace CivicData.Web.Datasets;

/// <summary>
/// Compiled SoQL by (schema version, dialect, query text). The version table's name changes with every publish and the
/// column list differs by caller (hidden columns), so both are part of the key; a new version never meets a stale plan.
/// </summary>
public sealed class CompiledQueryCache : IDisposable
{
    /// <summary>Entries kept; each is one SQL string and a few small arrays.</summary>
    public const int Capacity = 2048;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public CompiledQuery GetOrCompile(SoqlRequest request, TableSchema schema, ISqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(dialect);
        string key = KeyFor(request, schema, dialect);
        if (_cache.TryGetValue(key, out CompiledQuery? cached) && cached is not null)
        {
            return cached;
        }

        // Bad queries throw QueryError and are not cached: they are cheap to reject again.
        CompiledQuery compiled = SoqlCompiler.Compile(request, schema, dialect);
        _cache.Set(key, compiled, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return compiled;
    }

    public void Dispose() => _cache.Dispose();

    private static string KeyFor(SoqlRequest request, TableSchema schema, ISqlDialect dialect)
    {
        var key = new StringBuilder(256).Append(dialect.Name).Append('\n').Append(schema.TableName).Append('\n');
        foreach (ColumnSchema column in schema.Columns)
        {
            key.Append(column.FieldName).Append(':').Append((int)column.Type).Append(',');
        }

        key.Append('\n');
        SoqlRequestText.Append(key, request);
        return key.ToString();
    }
}
