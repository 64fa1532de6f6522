using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Radius.Gateway.Pipeline;

namespace Orleans.Radius.Gateway.Hosting;

/// <summary>The gateway's <c>listeners</c> check: the UDP sockets are bound.</summary>
internal sealed class ListenersHealthCheck(GatewayState state, RadiusListener listener) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.ListenersBound
            ? HealthCheckResult.Healthy(string.Join(", ", listener.EndPoints.Select(endPoint => $"{endPoint.Kind} {endPoint.EndPoint}")))
            : HealthCheckResult.Unhealthy("UDP listeners are not bound"));
}
