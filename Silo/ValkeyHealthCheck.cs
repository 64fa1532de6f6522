using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Grains.Probe;

namespace Orleans.Radius.Silo;

/// <summary>
/// The silo's <c>valkey</c> check, from the storage monitor's last PING: unhealthy during an outage in
/// fail-closed mode (the node is taken out), degraded in serve-degraded mode (it still answers).
/// </summary>
internal sealed class ValkeyHealthCheck(StorageProbe probe, StorageMonitor monitor, StorageAvailability availability, IConfiguration configuration)
    : IHealthCheck
{
    private readonly ValkeyOutageMode _mode = ValkeyOutageModes.From(configuration);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!probe.IsDurable)
        {
            return Task.FromResult(HealthCheckResult.Healthy("embedded in-memory storage (not durable)"));
        }

        if (monitor.LastChecked is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Valkey not checked yet"));
        }

        var data = new Dictionary<string, object> { ["outageMode"] = _mode == ValkeyOutageMode.FailClosed ? ValkeyOutageModes.FailClosed : ValkeyOutageModes.ServeDegraded };
        if (availability.IsAvailable)
        {
            if (monitor.LastPing is { } ping)
            {
                data["pingMs"] = ping.TotalMilliseconds;
            }

            return Task.FromResult(HealthCheckResult.Healthy("Valkey answers", data));
        }

        return Task.FromResult(_mode == ValkeyOutageMode.FailClosed
            ? HealthCheckResult.Unhealthy("Valkey does not answer: RADIUS is not answered (fail-closed)", data: data)
            : HealthCheckResult.Degraded("Valkey does not answer: answering from state in memory (serve-degraded)", data: data));
    }
}
