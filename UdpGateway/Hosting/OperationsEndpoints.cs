using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using Orleans.Radius.Gateway.Telemetry;

namespace Orleans.Radius.Gateway.Hosting;

/// <summary>
/// The operations surface both hosts share: <c>/health/live</c>, <c>/health/ready</c>, <c>/health</c> and
/// <c>/metrics</c> (Prometheus text format through OpenTelemetry). Health checks tagged
/// <see cref="ReadyTag"/> decide readiness; every registered check shows in <c>/health</c>.
/// </summary>
public static class OperationsEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary>Meters every host exports besides its own: the gateway's, Orleans' and the .NET runtime's.</summary>
    private static readonly string[] CommonMeters = [GatewayMetrics.MeterName, OrleansMetricsBridge.OrleansMeterPrefix + "*", OrleansMetricsBridge.MeterName];

    /// <summary>Registers health checks and, unless <c>Metrics:Enabled</c> is false, the metrics pipeline for <paramref name="meters"/> too.</summary>
    public static IServiceCollection AddRadiusOperations(this IServiceCollection services, IConfiguration configuration, params string[] meters)
    {
        services.AddHealthChecks();
        if (!MetricsEnabled(configuration))
        {
            return services;
        }

        services.AddSingleton<OrleansMetricsBridge>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter([.. CommonMeters, .. meters])
            .AddView(PrometheusViews.Configure)
            .AddRuntimeInstrumentation()
            .AddProcessInstrumentation()
            .AddPrometheusExporter(options =>
            {
                // Every scrape sees the counters as they are now; Prometheus scrapes rarely enough.
                options.ScrapeResponseCacheDurationMilliseconds = 0;
            }));
        return services;
    }

    public static WebApplication MapRadiusOperations(this WebApplication app)
    {
        // Liveness runs no checks: a process that can answer HTTP is alive, whatever its dependencies say.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.For(app.Configuration) });
        if (MetricsEnabled(app.Configuration))
        {
            _ = app.Services.GetRequiredService<OrleansMetricsBridge>();
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        return app;
    }

    private static bool MetricsEnabled(IConfiguration configuration) =>
        configuration.GetValue($"{MetricsOptions.Section}:{nameof(MetricsOptions.Enabled)}", true);
}
