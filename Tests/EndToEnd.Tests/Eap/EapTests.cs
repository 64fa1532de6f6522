using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Protocol.Eap;
using Orleans.Radius.Protocol.Packets;
using Xunit.Abstractions;

namespace Orleans.Radius.EndToEnd.Tests.Eap;

/// <summary>EAP-MD5 and EAP-MSCHAPv2 end to end with Debian's eapol_test as the peer.</summary>
[Collection(EapCollection.Name)]
public sealed class EapTests(EapFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Eap_md5_authenticates()
    {
        var result = await RunAsync(new EapolNetwork("MD5", "eap-md5", "md5-password"), expectKeys: false);

        Assert.True(result.ExitCode == 0 && result.Succeeded, Explain(result));
        Assert.Contains("hello md5", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eap_mschapv2_authenticates_and_the_peers_msk_is_recv_key_then_send_key()
    {
        var result = await RunAsync(new EapolNetwork("MSCHAPV2", "eap-mschap", "mschap-password"), gateway: 2);

        Assert.True(result.ExitCode == 0 && result.Succeeded, Explain(result));
        Assert.NotNull(result.Msk);
        Assert.Equal(32, result.Msk.Length);
        Assert.Equal(Convert.ToHexString(result.Msk), Convert.ToHexString(result.ServerMsk ?? []));
        Assert.Contains("hello mschap", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("MSCHAPV2")]
    public async Task A_wrong_password_ends_in_eap_failure(string method)
    {
        var result = await RunAsync(new EapolNetwork(method, "eap-wrong", "not-the-password"), expectKeys: false);

        Assert.False(result.Succeeded, Explain(result));
        Assert.True(result.ReceivedEapFailure, Explain(result));
    }

    [Fact]
    public async Task A_method_the_client_does_not_allow_ends_in_eap_failure_after_the_nak()
    {
        // The 127.0.0.2 client allows only MD5: the server proposes MD5, the peer Naks asking for MSCHAPv2.
        var result = await RunAsync(new EapolNetwork("MSCHAPV2", "eap-mschap", "mschap-password"), client: EapClusterFixture.Md5OnlyClient);

        Assert.Contains("-> NAK", result.Output, StringComparison.Ordinal);
        Assert.False(result.Succeeded, Explain(result));
        Assert.True(result.ReceivedEapFailure, Explain(result));
    }

    [Fact]
    public async Task Each_round_may_arrive_through_a_different_gateway()
    {
        using var peer = new EapMd5Peer("eap-roaming", "roaming-password");

        // Several conversations, so both silos hold some; every one changes gateway between its rounds.
        for (var i = 0; i < 6; i++)
        {
            var first = fixture.Gateway(1 + (i % 2));
            var second = fixture.Gateway(2 - (i % 2));
            var challenge = await peer.SendIdentityAsync(first.Auth);
            Assert.NotNull(challenge);
            Assert.Equal(RadiusCode.AccessChallenge, challenge.Code);
            Assert.NotNull(challenge.State);
            Assert.True(challenge.State.Length >= 16);

            var final = await peer.AnswerAsync(second.Auth, challenge);

            Assert.NotNull(final);
            Assert.Equal(RadiusCode.AccessAccept, final.Code);
            Assert.Equal(EapCode.Success, final.EapCode);
            Assert.Equal(challenge.EapIdentifier, final.EapIdentifier);
        }
    }

    [Fact]
    public async Task Persisted_progress_survives_a_kill_of_the_silo_holding_the_conversation()
    {
        await fixture.Cluster.EnsureAsync(silos: 2, gateways: 2);
        using var peer = new EapMd5Peer("eap-crash", "crash-password");
        await EapClusterInspector.WaitForNoConversationsAsync(fixture.Cluster);
        var challenge = await peer.SendIdentityAsync(fixture.Gateway(1).Auth);
        Assert.NotNull(challenge);
        var holder = await EapClusterInspector.WaitForHolderAsync(fixture.Cluster);

        await fixture.Cluster.KillAsync(holder);
        var started = DateTime.UtcNow;
        EapReply? final = null;
        for (var attempt = 0; attempt < 6 && final is null; attempt++)
        {
            // A NAS retransmits; our peer sends the round again until the cluster has healed.
            final = await peer.AnswerAsync(fixture.Gateway(2).Auth, challenge);
        }

        output.WriteLine($"answered {(DateTime.UtcNow - started).TotalMilliseconds:F0} ms after the kill");
        Assert.NotNull(final);
        Assert.Equal(RadiusCode.AccessAccept, final.Code);
        await fixture.Cluster.EnsureAsync(silos: 2, gateways: 2);
    }

    private async Task<EapolResult> RunAsync(EapolNetwork network, bool expectKeys = true, int gateway = 1, System.Net.IPAddress? client = null)
    {
        var config = EapolTest.WriteConfig(fixture.ConfigDirectory, network);
        var result = await EapolTest.RunAsync(config, fixture.Gateway(gateway).Auth, expectKeys: expectKeys, clientAddress: client);
        output.WriteLine(EapolTest.Summary(result));
        return result;
    }

    private string Explain(EapolResult result) => $"eapol_test exit {result.ExitCode}:\n{EapolTest.Summary(result)}\n{fixture.Cluster.Output()}";
}
