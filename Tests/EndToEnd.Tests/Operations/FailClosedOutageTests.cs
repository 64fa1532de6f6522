using System.Net;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.EndToEnd.Tests.Operations;

/// <summary>
/// Valkey:OnOutage = fail-closed (the default): with redis-server killed, both nodes leave readiness and the
/// gateway answers no RADIUS at all; with it restarted, both come back by themselves.
/// </summary>
[Collection(OperationsCollection.Name)]
public sealed class FailClosedOutageTests(OperationsFixture fixture)
{
    // The silo PINGs once a second and needs two misses; the gateway probes once a second.
    private static readonly TimeSpan Flip = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Killing_valkey_takes_both_nodes_out_and_silences_radius_until_it_returns()
    {
        var nodes = new[] { fixture.Silo, fixture.Gateway };
        Assert.Equal(RadiusCode.AccessAccept, await AuthenticateAsync(1));

        await fixture.Cluster.Redis.KillAsync();
        try
        {
            foreach (var node in nodes)
            {
                await OperationsHttp.WaitForStatusAsync(node, "/health/ready", HttpStatusCode.ServiceUnavailable, Flip);
                Assert.Equal(HttpStatusCode.OK, (await OperationsHttp.GetAsync(node, "/health/live")).Status);
                var (status, health, body) = await OperationsHttp.HealthAsync(node, OperationsFixture.HealthToken);
                Assert.True(status == HttpStatusCode.ServiceUnavailable && health == "unhealthy", body);
            }

            // The user's grain is active with its state in memory, and still nothing is answered.
            Assert.Null(await AuthenticateAsync(2, Silence));
        }
        finally
        {
            await fixture.Cluster.Redis.StartAsync();
        }

        foreach (var node in nodes)
        {
            await OperationsHttp.WaitForStatusAsync(node, "/health/ready", HttpStatusCode.OK, Recovery);
            var (status, health, body) = await OperationsHttp.HealthAsync(node, OperationsFixture.HealthToken);
            Assert.True(status == HttpStatusCode.OK && health == "healthy", body);
        }

        Assert.Equal(RadiusCode.AccessAccept, await AuthenticateAsync(3));
    }

    private async Task<RadiusCode?> AuthenticateAsync(byte identifier, TimeSpan? wait = null)
    {
        using var nas = new UdpExchange();
        var request = AccessRequests.Pap(identifier, "ops-outage", "ops-outage-password");
        var reply = await nas.SendAsync(request, fixture.Gateway.Auth, wait ?? TimeSpan.FromSeconds(5));
        return reply is null ? null : AccessRequests.CodeOf(reply);
    }
}
