using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Orleans.Radius.Silo;

/// <summary>The silo's <c>membership</c> check: this silo is an active cluster member.</summary>
internal sealed class SiloReadinessCheck(ISiloStatusOracle membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(membership.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {membership.SiloName} is Active")
            : HealthCheckResult.Unhealthy($"silo is {membership.CurrentStatus}, not Active"));
}
