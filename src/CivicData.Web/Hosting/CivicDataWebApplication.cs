using CivicData.Catalog;
using CivicData.Catalog.Accounts;
using CivicData.Catalog.Sqlite;
using CivicData.Core;
using CivicData.Ingest.Publishing;
using CivicData.Storage;
using CivicData.Storage.DuckDb;
using CivicData.Web.Accounts;
using CivicData.Web.Catalog;
using CivicData.Web.Ckan;
using CivicData.Web.Datasets;
using CivicData.Web.Dcat;
using CivicData.Web.Downloads;
using CivicData.Web.Errors;
using CivicData.Web.OpenApi;
using CivicData.Web.Soda;
using CivicData.Web.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CivicData.Web.Hosting;

/// <summary>Builds the whole portal: services, stores, every front door. The CLI's <c>serve</c> and the tests both start here.</summary>
public static class CivicDataWebApplication
{
    /// <summary>Longest request line accepted (method, URL with its query string, protocol); longer ones get 414.</summary>
    public const int MaxRequestLineBytes = 64 * 1024;

    public static WebApplication Build(CivicDataHostSettings settings, string[] args)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The build output, not the working directory: wwwroot and appsettings are copied there.
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Directory.Exists(webRoot) ? webRoot : null,
            EnvironmentName = settings.Environment,
            // Razor Pages and the portal's compiled views live in this assembly, whatever the entry point is.
            ApplicationName = typeof(CivicDataWebApplication).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // SoQL travels in the query string and real queries (long IN lists, polygons) outgrow Kestrel's 8 KB default.
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestLineBytes + (32 * 1024);
        });
        AddCivicData(builder.Services, settings);

        WebApplication app = builder.Build();
        UseCivicData(app);
        return app;
    }

    /// <summary>The addresses Kestrel actually bound (port 0 resolved), available once the app has started.</summary>
    public static IReadOnlyList<Uri> GetAddresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        IServerAddressesFeature? feature = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        return feature is null ? [] : [.. feature.Addresses.Select(address => new Uri(address))];
    }

    private static void AddCivicData(IServiceCollection services, CivicDataHostSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().BindConfiguration("Storage").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        // Acquired now, so a second process fails before it binds a port; registered through a factory so the
        // container owns it and releases the lock when the app is disposed.
        DataDirectory dataDirectory = DataDirectory.Acquire(settings.DataDirectory);
        services.AddSingleton(_ => dataDirectory);
        services.AddSingleton(provider => new SqliteCatalogStore(
            provider.GetRequiredService<DataDirectory>().CatalogPath,
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ICatalogStore>(provider => provider.GetRequiredService<SqliteCatalogStore>());
        services.AddSingleton<IAccountStore>(provider => provider.GetRequiredService<SqliteCatalogStore>());
        services.AddSingleton<KeyIssuer>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton(provider => new DuckDbDataStore(
            provider.GetRequiredService<DataDirectory>().DataPath,
            provider.GetRequiredService<StorageOptions>()));
        services.AddSingleton<IDataStore>(provider => provider.GetRequiredService<DuckDbDataStore>());
        services.AddSingleton(provider => new DatasetPublisher(
            provider.GetRequiredService<ICatalogStore>(),
            provider.GetRequiredService<IDataStore>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<StorageOptions>()));
        services.AddOptions<SodaProducerOptions>().BindConfiguration(SodaProducerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CompiledQueryCache>();
        services.AddSingleton<DatasetQueryService>();
        services.AddSingleton<VisibleCatalogSearch>();
        services.AddCkan();
        services.AddOptions<DcatOptions>().BindConfiguration("Dcat").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PublicCatalog>();
        services.AddHostedService<CatalogStartup>();

        services.AddReadApiConventions();
        services.AddExceptionHandler<CivicDataExceptionHandler>();
        services.AddProblemDetails();
        services.AddApiDocumentation();
        services.AddRazorPages(options => options.RootDirectory = "/Portal/Pages");
    }

    private static void UseCivicData(WebApplication app)
    {
        // Outermost, so every body (errors and re-executed pages included) passes through it; it decides by media type.
        app.UseResponseCompression();

        // Turns an empty 4xx/5xx from a page (or an unknown URL) into the portal's error page.
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Expected errors (bad SoQL, unknown dataset) are answers, not incidents; only the rest is logged.
            SuppressDiagnosticsCallback = context => context.Exception is CivicDataError,
        });

        // wwwroot from the build output (see CivicData.Web.csproj): the same under dotnet run, dotnet test and publish.
        if (app.Environment.WebRootFileProvider is PhysicalFileProvider)
        {
            app.UseStaticFiles();
        }

        app.UseRouting();
        app.UseCors();
        // After routing, so a refused key is answered in the shape of the API that was called.
        app.UseMiddleware<ApiKeyAuthenticationMiddleware>();
        app.MapSoda();
        app.MapSodaProducer();
        app.MapViews();
        app.MapMetadataEditing();
        app.MapDownloads();
        app.MapCatalog();
        app.MapCurrentUser();
        app.MapCkan();
        app.MapDcat();
        app.MapApiDocumentation();
        app.MapRazorPages().WithErrorFamily(ErrorFamily.Pages);
    }
}
