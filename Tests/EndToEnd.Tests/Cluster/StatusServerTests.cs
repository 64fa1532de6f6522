using Orleans.Radius.EndToEnd.Tests.Infrastructure;

namespace Orleans.Radius.EndToEnd.Tests.Cluster;

/// <summary>Status-Server (RFC 5997) on both ports of both gateways.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StatusServerTests(ClusterFixture fixture)
{
    private const string Input = """
        NAS-Identifier = "e2e"
        Message-Authenticator = 0x00
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Status_server_is_answered_on_the_authentication_and_accounting_ports(int gatewayNumber)
    {
        var gateway = fixture.Gateway(gatewayNumber);

        // RFC 5997 §3: Status-Server must carry a Message-Authenticator (radclient 3.2.1 adds none by itself).
        var auth = await Radclient.SendAsync(gateway.AuthServer, "status", Input);
        Assert.True(auth.ExitCode == 0, auth.Output);
        Assert.StartsWith("Received Access-Accept", Radclient.SingleReply(auth)[0], StringComparison.Ordinal);

        var acct = await Radclient.SendAsync(gateway.AcctServer, "status", Input);
        Assert.True(acct.ExitCode == 0, acct.Output);
        Assert.StartsWith("Received Accounting-Response", Radclient.SingleReply(acct)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_server_without_message_authenticator_gets_no_reply()
    {
        var result = await Radclient.SendAsync(fixture.Gateway(1).AuthServer, "status", "NAS-Identifier = \"e2e\"");

        Radclient.AssertNoReply(result);
    }
}
