using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using CivicData.Catalog;
using CivicData.Catalog.Datasets;
using CivicData.Catalog.Search;
using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Web.Ckan.Wire;
using CivicData.Web.Datasets;

namespace CivicData.Web.Ckan;

/// <summary>
/// CivicData's catalog as CKAN sees it (ckan.md §10): a dataset is a package whose id and name are its 4x4 id, a
/// department is an organization, a category is a group, and the current version's rows and downloads are resources.
/// Every lookup goes through <see cref="DatasetQueryService.FindAsync"/> and every listing through a catalog query
/// scoped by <see cref="ScopeAsync"/>, so private and draft datasets stay out of sight of those who may not see them.
/// </summary>
internal sealed class CkanCatalog(ICatalogStore catalog, DatasetQueryService queries)
{
    /// <summary>The catalog's largest page.</summary>
    public const int PageSize = 1000;

    /// <summary>Row counts up to which the GeoJSON resource can fetch every row in one SODA request.</summary>
    private const long MaxGeoJsonRows = 50_000;

    public ICatalogStore Store => catalog;

    /// <summary>
    /// <paramref name="query"/> limited to what <paramref name="caller"/> may list: public published datasets, plus,
    /// when the caller opts in with <paramref name="includePrivate"/>, the published private datasets they may see.
    /// Drafts are never listed.
    /// </summary>
    public async Task<CatalogQuery> ScopeAsync(CatalogQuery query, DatasetCaller caller, bool includePrivate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(caller);
        CatalogQuery publicOnly = query with { IncludePrivate = false, PrivateDepartments = [], PublishedOnly = false };
        if (!includePrivate || !caller.IsAuthenticated)
        {
            return publicOnly;
        }

        if (caller.MaySee(PrivateProbe(null)))
        {
            return query with { IncludePrivate = true, PrivateDepartments = [], PublishedOnly = true };
        }

        // Which departments' private datasets the caller may see is DatasetCaller's call, asked per department.
        CatalogSearchResult everything = await catalog.SearchAsync(new CatalogQuery { IncludePrivate = true, PublishedOnly = true, Limit = 1 }, cancellationToken);
        string[] departments = [.. everything.Departments.Select(facet => facet.Value).Where(department => caller.MaySee(PrivateProbe(department)))];
        return departments.Length == 0 ? publicOnly : publicOnly with { PrivateDepartments = departments };
    }

    /// <summary>Every dataset a (scoped) query matches, fetched a page at a time in the query's order.</summary>
    public async IAsyncEnumerable<DatasetRecord> ListAllAsync(CatalogQuery scoped, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scoped);
        for (int offset = 0; ; offset += PageSize)
        {
            CatalogSearchResult page = await catalog.SearchAsync(scoped with { Offset = offset, Limit = PageSize }, cancellationToken);
            foreach (DatasetRecord record in page.Datasets)
            {
                yield return record;
            }

            if (page.Datasets.Count < PageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>A dataset by id or name (both are the 4x4 id); CKAN's 404 when unknown or hidden from the caller.</summary>
    public async Task<VisibleDataset> FindAsync(string idOrName, DatasetCaller caller, CancellationToken cancellationToken)
    {
        try
        {
            return await queries.FindAsync(idOrName.Trim().ToLowerInvariant(), caller, cancellationToken);
        }
        catch (NotFoundError)
        {
            throw CkanErrors.NotFound("Dataset not found");
        }
    }

    /// <summary>
    /// The dataset and resource behind a resource id: <c>abcd-1234</c> (the DataStore table, served as CSV) or
    /// <c>abcd-1234.json</c> / <c>abcd-1234.geojson</c> (downloads).
    /// </summary>
    public async Task<(VisibleDataset Dataset, ResourceDto Resource)> FindResourceAsync(string resourceId, DatasetCaller caller, string baseUrl, CancellationToken cancellationToken)
    {
        string id = resourceId.Trim().ToLowerInvariant();
        int dot = id.IndexOf('.', StringComparison.Ordinal);
        string datasetId = dot < 0 ? id : id[..dot];
        try
        {
            VisibleDataset dataset = await queries.FindAsync(datasetId, caller, cancellationToken);
            ResourceDto? resource = ResourcesOf(dataset, baseUrl).FirstOrDefault(candidate => candidate.Id == id);
            if (resource is not null)
            {
                return (dataset, resource);
            }
        }
        catch (NotFoundError)
        {
            // Reported below exactly like an id that never existed.
        }

        throw CkanErrors.NotFound($"Resource \"{resourceId}\" was not found.");
    }

    /// <summary>The dataset behind a DataStore resource id (the 4x4 id); CKAN's 404 for anything else.</summary>
    public async Task<VisibleDataset> FindDatastoreAsync(string resourceId, DatasetCaller caller, CancellationToken cancellationToken)
    {
        (VisibleDataset dataset, ResourceDto resource) = await FindResourceAsync(resourceId, caller, "", cancellationToken);
        return resource.DatastoreActive ? dataset : throw CkanErrors.NotFound($"Resource \"{resourceId}\" was not found.");
    }

    /// <summary>The dataset dict of a listed record, or null if it became invisible since it was listed.</summary>
    public async Task<PackageDto?> ToPackageAsync(DatasetRecord record, DatasetCaller caller, string baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            return ToPackage(await queries.FindAsync(record.Id.Value, caller, cancellationToken), baseUrl);
        }
        catch (NotFoundError)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<PackageDto>> ToPackagesAsync(IEnumerable<DatasetRecord> records, DatasetCaller caller, string baseUrl, CancellationToken cancellationToken)
    {
        var packages = new List<PackageDto>();
        foreach (DatasetRecord record in records)
        {
            if (await ToPackageAsync(record, caller, baseUrl, cancellationToken) is { } package)
            {
                packages.Add(package);
            }
        }

        return packages;
    }

    public static PackageDto ToPackage(VisibleDataset dataset, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return ToPackage(dataset.Record, dataset.LastModified, ResourcesOf(dataset, baseUrl), "active");
    }

    /// <summary>The dict of a dataset that has no data yet (CKAN's state "draft"): no resources.</summary>
    public static PackageDto ToDraftPackage(DatasetRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ToPackage(record, record.MetadataUpdatedAt, [], "draft");
    }

    private static PackageDto ToPackage(DatasetRecord record, DateTimeOffset lastModified, ImmutableArray<ResourceDto> resources, string state)
    {
        DatasetMetadata metadata = record.Metadata;
        LicenseDto license = CkanLicenses.ForName(metadata.License);
        string id = record.Id.Value;
        ImmutableArray<string> tags = metadata.Tags.IsDefault ? [] : metadata.Tags;
        return new PackageDto
        {
            Id = id,
            Name = id,
            Title = metadata.Title,
            Notes = metadata.Description,
            Url = metadata.AttributionLink ?? "",
            Author = metadata.Attribution,
            Maintainer = metadata.ContactName ?? metadata.Department,
            MaintainerEmail = metadata.ContactEmail,
            LicenseId = license.Id,
            LicenseTitle = license.Id == CkanLicenses.OtherOpen && metadata.License is { Length: > 0 } name ? name : license.Title,
            LicenseUrl = metadata.LicenseUrl ?? (license.Url.Length > 0 ? license.Url : null),
            Isopen = license.IsOpen,
            MetadataCreated = CkanJson.Timestamp(record.CreatedAt),
            MetadataModified = CkanJson.Timestamp(lastModified),
            State = state,
            Private = metadata.Visibility == Visibility.Private,
            OwnerOrg = metadata.Department is { Length: > 0 } department ? CkanNames.Slug(department) : null,
            Organization = metadata.Department is { Length: > 0 } owner
                ? new PackageOrganizationDto(CkanNames.Slug(owner), CkanNames.Slug(owner), owner, "", "", null)
                : null,
            Groups = metadata.Category is { Length: > 0 } category
                ? [new PackageGroupDto(CkanNames.Slug(category), CkanNames.Slug(category), category, category, "", "")]
                : [],
            Tags = [.. tags.Where(tag => tag.Length > 0).Select(tag => new TagDto(tag, tag, tag))],
            Extras = ExtrasOf(record, lastModified),
            Resources = resources,
        };
    }

    /// <summary>The departments (or categories) with datasets in a scoped query, as organizations (or groups).</summary>
    public async Task<IReadOnlyList<OrganizationDto>> OrganizationsAsync(CatalogQuery scoped, bool groups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scoped);
        CatalogSearchResult result = await catalog.SearchAsync(scoped with { Offset = 0, Limit = 1 }, cancellationToken);
        IReadOnlyList<FacetCount> facets = groups ? result.Categories : result.Departments;
        return
        [
            .. facets
                .GroupBy(facet => CkanNames.Slug(facet.Value), StringComparer.Ordinal)
                .Select(group => new OrganizationDto
                {
                    Id = group.Key,
                    Name = group.Key,
                    Title = group.First().Value,
                    Type = groups ? "group" : "organization",
                    PackageCount = group.Sum(facet => facet.Count),
                }),
        ];
    }

    /// <summary>The department (or category) names whose slug is <paramref name="name"/>, within a scoped query.</summary>
    public async Task<IReadOnlyList<string>> NamesForSlugAsync(CatalogQuery scoped, bool groups, string name, CancellationToken cancellationToken)
    {
        CatalogSearchResult result = await catalog.SearchAsync(scoped with { Offset = 0, Limit = 1 }, cancellationToken);
        IReadOnlyList<FacetCount> facets = groups ? result.Categories : result.Departments;
        string wanted = name.Trim();
        return [.. facets.Select(facet => facet.Value).Where(value => string.Equals(CkanNames.Slug(value), wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase))];
    }

    private static ImmutableArray<ResourceDto> ResourcesOf(VisibleDataset dataset, string baseUrl)
    {
        string id = dataset.Id.Value;
        string created = CkanJson.Timestamp(dataset.Version.CreatedAt);
        string lastModified = CkanJson.Timestamp(dataset.DataUpdatedAt);
        string metadataModified = CkanJson.Timestamp(dataset.LastModified);
        string title = dataset.Metadata.Title;
        ImmutableArray<ResourceDto>.Builder resources = ImmutableArray.CreateBuilder<ResourceDto>();
        resources.Add(new ResourceDto
        {
            Id = id,
            PackageId = id,
            Url = $"{baseUrl}/api/views/{id}/rows.csv?accessType=DOWNLOAD",
            Name = title,
            Description = $"Every row of the current version ({dataset.Version.RowCount.ToString(CultureInfo.InvariantCulture)} rows) as CSV. Query the rows with datastore_search, resource_id \"{id}\".",
            Format = "CSV",
            Mimetype = "text/csv",
            Created = created,
            LastModified = lastModified,
            MetadataModified = metadataModified,
            Position = 0,
            UrlType = "datastore",
            DatastoreActive = true,
        });
        resources.Add(new ResourceDto
        {
            Id = id + ".json",
            PackageId = id,
            Url = $"{baseUrl}/api/views/{id}/rows.json?accessType=DOWNLOAD",
            Name = title + " (JSON)",
            Description = "Every row of the current version as Socrata's rows.json: the view's metadata, then one array per row.",
            Format = "JSON",
            Mimetype = "application/json",
            Created = created,
            LastModified = lastModified,
            MetadataModified = metadataModified,
            Position = 1,
            DatastoreActive = false,
        });
        if (dataset.Columns.Any(column => column.Type.IsGeometry()) && dataset.Version.RowCount <= MaxGeoJsonRows)
        {
            resources.Add(new ResourceDto
            {
                Id = id + ".geojson",
                PackageId = id,
                Url = $"{baseUrl}/resource/{id}.geojson?$limit={Math.Max(1, dataset.Version.RowCount).ToString(CultureInfo.InvariantCulture)}",
                Name = title + " (GeoJSON)",
                Description = "Every row of the current version as a GeoJSON FeatureCollection.",
                Format = "GeoJSON",
                Mimetype = "application/geo+json",
                Created = created,
                LastModified = lastModified,
                MetadataModified = metadataModified,
                Position = 2,
                DatastoreActive = false,
            });
        }

        return resources.ToImmutable();
    }

    /// <summary>
    /// DCAT-US fields as extras under their POD names (what data.gov's harvesters and ckanext-dcat read), sorted by key
    /// as CKAN sorts them; <see cref="Write.CkanPackageFields"/> reads the same keys back.
    /// </summary>
    private static ImmutableArray<ExtraDto> ExtrasOf(DatasetRecord record, DateTimeOffset lastModified)
    {
        DatasetMetadata metadata = record.Metadata;
        var extras = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["accessLevel"] = metadata.AccessLevel,
            ["accrualPeriodicity"] = metadata.AccrualPeriodicity,
            ["bureauCode"] = Joined(metadata.BureauCodes),
            ["civicdata_id"] = record.Id.Value,
            ["conformsTo"] = metadata.ConformsTo,
            ["contact_email"] = metadata.ContactEmail,
            ["contact_name"] = metadata.ContactName,
            ["dataQuality"] = metadata.DataQuality is { } quality ? (quality ? "true" : "false") : null,
            ["describedBy"] = metadata.DescribedBy,
            ["describedByType"] = metadata.DescribedByType,
            ["identifier"] = record.Id.Value,
            ["isPartOf"] = metadata.IsPartOf,
            ["issued"] = metadata.Issued is { } issued ? issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : CkanJson.Timestamp(record.CreatedAt),
            ["landingPage"] = metadata.LandingPage,
            ["language"] = Joined(metadata.Languages),
            ["modified"] = CkanJson.Timestamp(lastModified),
            ["primaryITInvestmentUII"] = metadata.PrimaryItInvestmentUii,
            ["programCode"] = Joined(metadata.ProgramCodes),
            ["publisher"] = metadata.PublisherName ?? metadata.Attribution,
            ["publisher_parent"] = metadata.PublisherParent,
            ["references"] = Joined(metadata.References),
            ["rights"] = metadata.Rights,
            ["spatial"] = metadata.Spatial,
            ["systemOfRecords"] = metadata.SystemOfRecords,
            ["temporal"] = metadata.Temporal,
            ["theme"] = Joined(metadata.Themes),
        };
        return [.. extras.Where(pair => !string.IsNullOrWhiteSpace(pair.Value)).Select(pair => new ExtraDto(pair.Key, pair.Value!))];
    }

    private static string? Joined(ImmutableArray<string> values) => values.IsDefaultOrEmpty ? null : string.Join(",", values);

    private static DatasetMetadata PrivateProbe(string? department) =>
        new() { Title = "", Department = department, Visibility = Visibility.Private };
}
