using System.Net;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.EndToEnd.Tests.Operations;

/// <summary>
/// Valkey:OnOutage = serve-degraded: with redis-server killed, users whose state is in memory are still
/// answered and /health says degraded; users that would need a storage read are not; all heals on restart.
/// </summary>
[Collection(DegradedCollection.Name)]
public sealed class ServeDegradedOutageTests(DegradedFixture fixture)
{
    private static readonly TimeSpan Flip = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Loaded_users_are_still_answered_while_valkey_is_down_and_health_says_degraded()
    {
        var nodes = new[] { fixture.Silo, fixture.Gateway };
        Assert.Equal(RadiusCode.AccessAccept, await AuthenticateAsync(1, "warm-user", "warm-password"));

        await fixture.Cluster.Redis.KillAsync();
        try
        {
            foreach (var node in nodes)
            {
                await OperationsHttp.WaitForHealthAsync(node, "degraded", Flip);
                Assert.Equal(HttpStatusCode.OK, (await OperationsHttp.GetAsync(node, "/health/live")).Status);
                Assert.Equal(HttpStatusCode.OK, (await OperationsHttp.GetAsync(node, "/health/ready")).Status);
            }

            Assert.Equal(RadiusCode.AccessAccept, await AuthenticateAsync(2, "warm-user", "warm-password"));
            Assert.Equal(RadiusCode.AccessReject, await AuthenticateAsync(3, "warm-user", "wrong-password"));

            // Its state is not in memory and cannot be read: no answer rather than a wrong one.
            Assert.Null(await AuthenticateAsync(4, "cold-user", "cold-password", Silence));
        }
        finally
        {
            await fixture.Cluster.Redis.StartAsync();
        }

        foreach (var node in nodes)
        {
            await OperationsHttp.WaitForHealthAsync(node, "healthy", Recovery);
        }

        Assert.Equal(RadiusCode.AccessAccept, await AuthenticateUntilAnsweredAsync("cold-user", "cold-password"));
    }

    private async Task<RadiusCode?> AuthenticateAsync(byte identifier, string user, string password, TimeSpan? wait = null)
    {
        using var nas = new UdpExchange();
        var request = AccessRequests.Pap(identifier, user, password);
        var reply = await nas.SendAsync(request, fixture.Gateway.Auth, wait ?? TimeSpan.FromSeconds(5));
        return reply is null ? null : AccessRequests.CodeOf(reply);
    }

    // A NAS retransmits; so does this, a bounded number of times, while the storage connection comes back.
    private async Task<RadiusCode?> AuthenticateUntilAnsweredAsync(string user, string password)
    {
        for (byte identifier = 10; identifier < 25; identifier++)
        {
            if (await AuthenticateAsync(identifier, user, password) is { } code)
            {
                return code;
            }
        }

        return null;
    }
}
