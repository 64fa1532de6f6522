using Orleans.Radius.EndToEnd.Tests.Infrastructure;

namespace Orleans.Radius.EndToEnd.Tests.Cluster;

/// <summary>The reply items configured for a user reach the NAS, encoded the way FreeRADIUS decodes them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReplyAttributeTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Access_accept_carries_message_authenticator_first_and_every_configured_reply_item(int gatewayNumber)
    {
        var result = await Radclient.SendAsync(fixture.Gateway(gatewayNumber).AuthServer, "auth", """
            User-Name = "alice"
            User-Password = "alice-password"
            Message-Authenticator = 0x00
            """);

        Assert.True(result.ExitCode == 0, $"{result.Output}\n{fixture.Cluster.Output()}");
        var reply = Radclient.SingleReply(result);
        Assert.StartsWith("Received Access-Accept", reply[0], StringComparison.Ordinal);
        // BlastRADIUS (CVE-2024-3596): Message-Authenticator is the first attribute of the reply.
        Assert.StartsWith("Message-Authenticator = 0x", reply[1], StringComparison.Ordinal);
        Assert.Equal("\"Welcome, alice\"", Radclient.Value(reply, "Reply-Message"));
        Assert.Equal("3600", Radclient.Value(reply, "Session-Timeout"));
        Assert.Equal("VLAN", Radclient.Value(reply, "Tunnel-Type:1"));
        Assert.Equal("IEEE-802", Radclient.Value(reply, "Tunnel-Medium-Type:1"));
        Assert.Equal("\"42\"", Radclient.Value(reply, "Tunnel-Private-Group-Id:1"));
        // Salted with the shared secret on the wire; radclient printing the cleartext proves the encryption.
        Assert.Equal($"\"{ClusterFixture.TunnelPassword}\"", Radclient.Value(reply, "Tunnel-Password:1"));
        // A vendor-specific attribute (Microsoft, RFC 2548).
        Assert.Equal("192.0.2.53", Radclient.Value(reply, "MS-Primary-DNS-Server"));
    }
}
