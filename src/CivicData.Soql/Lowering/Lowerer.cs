using CivicData.Soql.Binding.BoundNodes;

namespace CivicData.Soql.Lowering;

/// <summary>
/// The rewrites that run between checking and rendering, in order. (The implicit GROUP BY of SELECT DISTINCT happens in the
/// checker, because the grouping rules must see it.)
/// </summary>
public static class Lowerer
{
    public static BoundQuery Lower(BoundQuery query) => new BetweenLowerer().RewriteQuery(query);
}
