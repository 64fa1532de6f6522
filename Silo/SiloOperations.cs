using Orleans.Dashboard;
using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Grains.Probe;
using Orleans.Radius.Grains.Telemetry;

namespace Orleans.Radius.Silo;

/// <summary>The silo's operations surface: Valkey monitoring, health checks, metrics and the guarded dashboard.</summary>
internal static class SiloOperations
{
    public const string DashboardPath = "/dashboard";

    /// <summary>Call after <c>AddRadiusAccounting</c>: it wraps the accounting exporter registered there.</summary>
    public static IServiceCollection AddSiloOperations(this IServiceCollection services, IConfiguration configuration)
    {
        MeasuredAccountingExporter.Decorate(services);
        services.AddSingleton<StorageProbe>();
        services.AddSingleton<StorageAvailability>();
        services.AddSingleton<StorageMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<StorageMonitor>());
        services.AddRadiusOperations(configuration, GrainMetrics.MeterName, "Orleans.Radius.Accounting");
        GrainMetrics.Publish();
        services.AddHealthChecks()
            .AddCheck<SiloReadinessCheck>("membership", tags: [OperationsEndpoints.ReadyTag])
            .AddCheck<ValkeyHealthCheck>("valkey", tags: [OperationsEndpoints.ReadyTag]);
        return services;
    }

    public static WebApplication MapSiloOperations(this WebApplication app, bool dashboard)
    {
        app.MapRadiusOperations();
        if (dashboard)
        {
            // Loopback only, or Authorization: Bearer <Admin:Token> (docs/OPERATIONS.md).
            app.UseAdminAccess(DashboardPath, app.Configuration);
            app.MapOrleansDashboard(routePrefix: DashboardPath);
        }

        return app;
    }
}
