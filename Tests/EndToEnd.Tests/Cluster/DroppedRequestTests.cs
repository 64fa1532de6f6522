using System.Net;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.EndToEnd.Tests.Cluster;

/// <summary>Requests a gateway must drop silently: unknown NAS, no Message-Authenticator, wrong shared secret.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DroppedRequestTests(ClusterFixture fixture)
{
    // Loopback replies take about a millisecond; two seconds of silence is a drop, not a slow answer.
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_request_from_an_address_no_client_entry_covers_gets_no_reply()
    {
        var gateway = fixture.Gateway(1);

        // 127.0.0.2 is loopback too, but the only client entry is 127.0.0.1.
        using (var stranger = new UdpExchange(IPAddress.Parse("127.0.0.2")))
        {
            var request = AccessRequests.Pap(1, "nas-user", "nas-password");
            Assert.Null(await stranger.SendAsync(request, gateway.Auth, Silence));
        }

        // The same kind of request from the configured address is answered: the silence was about the source.
        using var known = new UdpExchange();
        var control = AccessRequests.Pap(2, "nas-user", "nas-password");
        var reply = await known.SendAsync(control, gateway.Auth, TimeSpan.FromSeconds(5));
        Assert.NotNull(reply);
        Assert.True(AccessRequests.IsSignedReplyTo(reply, control));
        Assert.Equal(RadiusCode.AccessAccept, AccessRequests.CodeOf(reply));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task An_access_request_without_message_authenticator_gets_no_reply(int gatewayNumber)
    {
        var gateway = fixture.Gateway(gatewayNumber);
        using var nas = new UdpExchange();

        var unprotected = AccessRequests.Pap(3, "blast-user", "blast-password", messageAuthenticator: false);
        Assert.Null(await nas.SendAsync(unprotected, gateway.Auth, Silence));

        var protectedRequest = AccessRequests.Pap(4, "blast-user", "blast-password");
        var reply = await nas.SendAsync(protectedRequest, gateway.Auth, TimeSpan.FromSeconds(5));
        Assert.NotNull(reply);
        Assert.Equal(RadiusCode.AccessAccept, AccessRequests.CodeOf(reply));
    }

    [Fact]
    public async Task Radclient_without_message_authenticator_gets_no_reply()
    {
        var result = await Radclient.SendAsync(fixture.Gateway(2).AuthServer, "auth", """
            User-Name = "blast-user"
            User-Password = "blast-password"
            """);

        Radclient.AssertNoReply(result);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_request_signed_with_the_wrong_shared_secret_gets_no_reply(int gatewayNumber)
    {
        var result = await Radclient.SendAsync(fixture.Gateway(gatewayNumber).AuthServer, "auth", """
            User-Name = "nas-user"
            User-Password = "nas-password"
            Message-Authenticator = 0x00
            """, secret: "not-the-shared-secret");

        Radclient.AssertNoReply(result);
    }
}
