using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Radius.Gateway.Pipeline;
using Orleans.Radius.Grains;

namespace Orleans.Radius.Gateway.Hosting;

/// <summary>Ready when the UDP listeners are bound and a grain round trip succeeded recently.</summary>
internal sealed class GatewayReadinessCheck(GatewayState state, IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan Recent = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.ListenersBound)
        {
            return HealthCheckResult.Unhealthy("UDP listeners are not bound");
        }

        if (state.ClusterAnsweredWithin(Recent))
        {
            return HealthCheckResult.Healthy("listening; cluster answered recently");
        }

        try
        {
            var silo = await grains.GetGrain<IProbeGrain>(0).Ping().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            state.ClusterAnswered();
            return HealthCheckResult.Healthy($"listening; cluster answered from {silo}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"cluster does not answer: {exception.GetType().Name}");
        }
    }
}
