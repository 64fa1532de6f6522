using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Orleans.Radius.Silo;

/// <summary>Ready when this silo is an active cluster member and its grain storage answers.</summary>
internal sealed class SiloReadinessCheck(ISiloStatusOracle membership, StorageProbe storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (membership.CurrentStatus != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"silo is {membership.CurrentStatus}, not Active");
        }

        var ping = await storage.PingAsync(cancellationToken);
        return ping is null
            ? HealthCheckResult.Unhealthy("Valkey does not answer")
            : HealthCheckResult.Healthy(storage.IsDurable ? $"Valkey answered in {ping.Value.TotalMilliseconds:F1} ms" : "embedded storage");
    }
}
