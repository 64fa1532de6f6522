using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Radius.Gateway.Pipeline;

namespace Orleans.Radius.Gateway.Hosting;

/// <summary>
/// The gateway's <c>cluster</c> check: a grain round trip succeeded recently (the background monitor makes
/// one a second) and the cluster reaches Valkey — or, with <c>Valkey:OnOutage</c> serve-degraded, degraded.
/// </summary>
internal sealed class GatewayReadinessCheck(GatewayState state, IConfiguration configuration) : IHealthCheck
{
    private static readonly TimeSpan Recent = TimeSpan.FromSeconds(5);
    private readonly ValkeyOutageMode _mode = ValkeyOutageModes.From(configuration);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = state.LastProbe;
        if (probe is null || !state.ClusterAnsweredWithin(Recent))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("no grain round trip succeeded in the last 5 s"));
        }

        var data = new Dictionary<string, object>
        {
            ["silo"] = probe.Silo,
            ["roundTripMs"] = probe.RoundTrip.TotalMilliseconds,
            ["valkeyAvailable"] = probe.StorageAvailable,
        };
        if (probe.StorageAvailable)
        {
            return Task.FromResult(HealthCheckResult.Healthy("cluster answers and reaches Valkey", data));
        }

        return Task.FromResult(_mode == ValkeyOutageMode.FailClosed
            ? HealthCheckResult.Unhealthy("Valkey is unavailable: not answering RADIUS (fail-closed)", data: data)
            : HealthCheckResult.Degraded("Valkey is unavailable: answering from state in memory (serve-degraded)", data: data));
    }
}
