using Orleans.Dashboard;
using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Grains.Probe;
using Orleans.Radius.Grains.Telemetry;
using Orleans.Radius.Silo.Admin;

namespace Orleans.Radius.Silo;

/// <summary>The silo's operations surface: Valkey monitoring, health checks, metrics and the guarded dashboard.</summary>
internal static class SiloOperations
{
    public const string DashboardPath = "/dashboard";

    public static IServiceCollection AddSiloOperations(this IServiceCollection services, IConfiguration configuration)
    {
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
            // Loopback only, or Authorization: Bearer <Admin:Token> (docs/OPERATIONS.md): the admin API's rule.
            app.MapOrleansDashboard(routePrefix: DashboardPath).RequireAdminAccess();
        }

        return app;
    }
}
