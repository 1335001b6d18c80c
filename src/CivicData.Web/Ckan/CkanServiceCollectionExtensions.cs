using CivicData.Web.Ckan.Actions;
using CivicData.Web.Ckan.DataStore;
using CivicData.Web.Ckan.Write;
using Microsoft.Extensions.DependencyInjection;

namespace CivicData.Web.Ckan;

/// <summary>The CKAN front door's services: one line per action.</summary>
internal static class CkanServiceCollectionExtensions
{
    public static IServiceCollection AddCkan(this IServiceCollection services)
    {
        services.AddSingleton<CkanCatalog>();
        services.AddSingleton<CkanActionRegistry>();

        // Read actions (ckan.md §4).
        services.AddSingleton<ICkanAction, StatusShowAction>();
        services.AddSingleton<ICkanAction, SiteReadAction>();
        services.AddSingleton<ICkanAction, HelpShowAction>();
        services.AddSingleton<ICkanAction, LicenseListAction>();
        services.AddSingleton<ICkanAction, PackageListAction>();
        services.AddSingleton<ICkanAction, CurrentPackageListWithResourcesAction>();
        services.AddSingleton<ICkanAction, PackageShowAction>();
        services.AddSingleton<ICkanAction, PackageSearchAction>();
        services.AddSingleton<ICkanAction, PackageAutocompleteAction>();
        services.AddSingleton<ICkanAction, ResourceShowAction>();
        services.AddSingleton<ICkanAction, OrganizationListAction>();
        services.AddSingleton<ICkanAction, OrganizationShowAction>();
        services.AddSingleton<ICkanAction, GroupListAction>();
        services.AddSingleton<ICkanAction, GroupShowAction>();
        services.AddSingleton<ICkanAction, TagListAction>();

        // DataStore (ckan.md §5).
        services.AddSingleton<ICkanAction, DatastoreSearchAction>();
        services.AddSingleton<ICkanAction, DatastoreInfoAction>();
        services.AddSingleton<ICkanAction, DatastoreSearchSqlAction>();

        // Write actions (ckan.md §6), from Ckan/Write/.
        services.AddSingleton<CkanDatasetWriter>();
        services.AddSingleton<ICkanAction, PackageCreateAction>();
        services.AddSingleton<ICkanAction, PackageUpdateAction>();
        services.AddSingleton<ICkanAction, PackagePatchAction>();
        services.AddSingleton<ICkanAction, PackageDeleteAction>();
        services.AddSingleton<ICkanAction, ResourceCreateAction>();
        return services;
    }
}
