using System.Diagnostics;
using System.Text.RegularExpressions;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Protocol.Eap;
using Orleans.Radius.Protocol.Packets;
using Xunit.Abstractions;

namespace Orleans.Radius.EndToEnd.Tests.Eap;

/// <summary>
/// Conversations that live only in their activation (progress not persisted, as with TLS): a killed silo
/// costs a prompt clean failure, a graceful stop lets them finish.
/// </summary>
[Collection(EapFaultCollection.Name)]
public sealed partial class EapFaultTests(EapFaultFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_the_silo_holding_a_conversation_gets_a_prompt_eap_failure_and_a_retry_succeeds()
    {
        await fixture.Cluster.EnsureAsync(silos: 2, gateways: 2);
        await EapClusterInspector.WaitForNoConversationsAsync(fixture.Cluster);
        using var peer = new EapMd5Peer("eap-crash", "crash-password");
        var challenge = await peer.SendIdentityAsync(fixture.Gateway(1).Auth);
        Assert.NotNull(challenge);
        Assert.Equal(RadiusCode.AccessChallenge, challenge.Code);
        var holder = await EapClusterInspector.WaitForHolderAsync(fixture.Cluster);

        await fixture.Cluster.KillAsync(holder);
        var clock = Stopwatch.StartNew();
        EapReply? answer = null;
        var sent = 0;
        while (answer is null && sent++ < 6)
        {
            // The NAS's retransmissions; the first may meet the dead silo and be dropped.
            answer = await peer.AnswerAsync(fixture.Gateway(2).Auth, challenge);
        }

        output.WriteLine($"Access-Reject {clock.ElapsedMilliseconds} ms after the kill, after {sent} transmissions");
        Assert.NotNull(answer);
        Assert.Equal(RadiusCode.AccessReject, answer.Code);
        Assert.Equal(EapCode.Failure, answer.EapCode);

        var retry = await EapolTest.RunAsync(
            EapolTest.WriteConfig(fixture.ConfigDirectory, new EapolNetwork("MD5", "eap-crash", "crash-password")), fixture.Gateway(2).Auth, expectKeys: false);
        Assert.True(retry.Succeeded, EapolTest.Summary(retry));
        await fixture.Cluster.EnsureAsync(silos: 2, gateways: 2);
    }

    [Theory]
    [InlineData("TLS", 2)]
    [InlineData("PEAP", 3)]
    public async Task Killing_the_silo_holding_a_tls_handshake_gets_a_prompt_eap_failure_and_a_retry_succeeds(string method, int challengesBeforeKill)
    {
        // The held round is the peer's answer to the server's first TLS flight (EAP-TLS: its certificate and Finished;
        // PEAP, after the Nak from the proposed EAP-TLS: its key exchange and Finished), so the handshake is half done.
        await fixture.Cluster.EnsureAsync(silos: 2, gateways: 2);
        await EapClusterInspector.WaitForNoConversationsAsync(fixture.Cluster);
        var network = Network(method);
        using var relay = new PausingRelay(fixture.Gateway(1).Auth, challengesBeforeKill);
        var run = EapolTest.RunAsync(EapolTest.WriteConfig(fixture.ConfigDirectory, network), relay.Endpoint, timeoutSeconds: 40);
        await relay.Paused.WaitAsync(TimeSpan.FromSeconds(30));
        var holder = await EapClusterInspector.WaitForHolderAsync(fixture.Cluster);

        await fixture.Cluster.KillAsync(holder);
        var clock = Stopwatch.StartNew();
        await relay.ResumeAsync(fixture.Gateway(2).Auth);
        var result = await run;

        output.WriteLine($"{method}: eapol_test ended {clock.ElapsedMilliseconds} ms after the kill\n{EapolTest.Summary(result)}");
        Assert.False(result.Succeeded, EapolTest.Summary(result));
        Assert.True(result.ReceivedEapFailure, result.Output);
        Assert.Contains("Access-Reject", result.Output, StringComparison.Ordinal);

        var retry = await EapolTest.RunAsync(EapolTest.WriteConfig(fixture.ConfigDirectory, network), fixture.Gateway(2).Auth);
        Assert.True(retry.Succeeded, EapolTest.Summary(retry));
        Assert.Equal(Convert.ToHexString(retry.Msk ?? []), Convert.ToHexString(retry.ServerMsk ?? [0]));
        await fixture.Cluster.EnsureAsync(silos: 2, gateways: 2);
    }

    [Fact]
    public async Task A_graceful_stop_lets_the_conversation_in_progress_finish_and_sends_new_ones_elsewhere()
    {
        await fixture.Cluster.EnsureAsync(silos: 2, gateways: 2);
        await EapClusterInspector.WaitForNoConversationsAsync(fixture.Cluster);
        using var peer = new EapMd5Peer("eap-drain", "drain-password");
        var challenge = await peer.SendIdentityAsync(fixture.Gateway(1).Auth);
        Assert.NotNull(challenge);
        var holder = await EapClusterInspector.WaitForHolderAsync(fixture.Cluster);

        var clock = Stopwatch.StartNew();
        var stopped = holder.Process.TerminateAsync(TimeSpan.FromSeconds(60));
        await holder.Process.WaitForOutputAsync("EAP conversations in progress", TimeSpan.FromSeconds(30));
        var draining = clock.ElapsedMilliseconds;

        // A new conversation started while the silo drains completes on the other silo.
        var fresh = await EapolTest.RunAsync(
            EapolTest.WriteConfig(fixture.ConfigDirectory, new EapolNetwork("MSCHAPV2", "eap-mschap", "mschap-password")), fixture.Gateway(2).Auth);
        Assert.True(fresh.Succeeded, EapolTest.Summary(fresh));

        // The old one, whose progress exists only on the stopping silo, finishes there.
        var final = await peer.AnswerAsync(fixture.Gateway(2).Auth, challenge);
        var answered = clock.ElapsedMilliseconds;
        Assert.NotNull(final);
        Assert.Equal(RadiusCode.AccessAccept, final.Code);
        Assert.Equal(EapCode.Success, final.EapCode);

        await stopped;
        var drained = DrainDone().Match(holder.Process.Output);
        output.WriteLine(
            $"drain began {draining} ms after SIGTERM; last round answered at {answered} ms; silo exited at {clock.ElapsedMilliseconds} ms; {drained.Value}");
        Assert.True(drained.Success, holder.Process.Output);
        Assert.Equal("0", drained.Groups["left"].Value);
        fixture.Cluster.Silos.Remove(holder);
        await fixture.Cluster.EnsureAsync(silos: 2, gateways: 2);
    }

    private EapolNetwork Network(string method)
    {
        if (method == "TLS")
        {
            var client = fixture.Pki.Client("tls-user");
            return new EapolNetwork("TLS", "tls-user", CaCert: fixture.Pki.CaFile, ClientCert: client.CertificateFile, PrivateKey: client.KeyFile);
        }

        return new EapolNetwork("PEAP", "peap-user", "peap-password", AnonymousIdentity: "anonymous", CaCert: fixture.Pki.CaFile, Phase2: "auth=MSCHAPV2");
    }

    [GeneratedRegex(@"EAP drain done after [0-9.]+ ms; (?<left>\d+) conversations still in progress")]
    private static partial Regex DrainDone();
}
