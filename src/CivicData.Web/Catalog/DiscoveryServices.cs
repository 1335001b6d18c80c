using CivicData.Catalog;
using CivicData.Web.Datasets;

namespace CivicData.Web.Catalog;

/// <summary>What every Discovery handler needs, bound together with <c>[AsParameters]</c>.</summary>
internal sealed record DiscoveryServices(VisibleCatalogSearch Search, DatasetQueryService Queries, ICatalogStore Catalog, TimeProvider Clock);
