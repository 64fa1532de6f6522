using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.EndToEnd.Tests.Cluster;

/// <summary>
/// RFC 5080 §2.2.2 across the cluster: a retransmission (same source address and port, identifier and
/// Request Authenticator) reaching either gateway is answered from the first decision, byte for byte.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DedupTests(ClusterFixture fixture)
{
    private static readonly TimeSpan ReplyWait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_retransmission_to_the_other_gateway_gets_a_byte_identical_accept()
    {
        using var nas = new UdpExchange();
        // The user's reply carries a salted Tunnel-Password: identical bytes mean the salt was not drawn again.
        var request = AccessRequests.Pap(17, "dedup-accept", "dedup-accept-password");

        var first = await SendAsync(nas, request, fixture.Gateway(1));
        var second = await SendAsync(nas, request, fixture.Gateway(2));
        var third = await SendAsync(nas, request, fixture.Gateway(1));

        Assert.Equal(RadiusCode.AccessAccept, AccessRequests.CodeOf(first));
        Assert.Equal(first, second);
        Assert.Equal(first, third);
    }

    [Fact]
    public async Task Retransmissions_of_one_wrong_password_count_as_one_failure_while_distinct_ones_lock_the_user()
    {
        const string user = "dedup-lock";
        const string password = "dedup-lock-password";
        using var nas = new UdpExchange();

        // Six copies of one wrong attempt, alternating gateways: processed once, answered six times alike.
        var wrong = AccessRequests.Pap(40, user, "wrong-password");
        var firstReject = await SendAsync(nas, wrong, fixture.Gateway(1));
        Assert.Equal(RadiusCode.AccessReject, AccessRequests.CodeOf(firstReject));
        for (var copy = 1; copy < 6; copy++)
        {
            Assert.Equal(firstReject, await SendAsync(nas, wrong, fixture.Gateway(1 + (copy % 2))));
        }

        // Lockout:MaxFailures is 2: had any copy been counted again, this correct password would be refused.
        var correct = await SendAsync(nas, AccessRequests.Pap(41, user, password), fixture.Gateway(2));
        Assert.Equal(RadiusCode.AccessAccept, AccessRequests.CodeOf(correct));

        // The control: two distinct wrong attempts (new authenticators) do lock the user out.
        Assert.Equal(RadiusCode.AccessReject, AccessRequests.CodeOf(await SendAsync(nas, AccessRequests.Pap(42, user, "wrong-1"), fixture.Gateway(1))));
        Assert.Equal(RadiusCode.AccessReject, AccessRequests.CodeOf(await SendAsync(nas, AccessRequests.Pap(43, user, "wrong-2"), fixture.Gateway(2))));
        var locked = await SendAsync(nas, AccessRequests.Pap(44, user, password), fixture.Gateway(1));
        Assert.Equal(RadiusCode.AccessReject, AccessRequests.CodeOf(locked));
    }

    private async Task<byte[]> SendAsync(UdpExchange nas, byte[] request, RadiusNode gateway)
    {
        var reply = await nas.SendAsync(request, gateway.Auth, ReplyWait);
        Assert.True(reply is not null, $"no reply from {gateway.Name} within {ReplyWait}\n{fixture.Cluster.Output()}");
        Assert.True(AccessRequests.IsSignedReplyTo(reply, request), "the reply's Response Authenticator does not verify");
        return reply;
    }
}
