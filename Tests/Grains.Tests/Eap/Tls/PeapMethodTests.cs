using Orleans.Radius.Grains.Eap;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>PEAPv0 with inner EAP-MSCHAPv2 against a BouncyCastle peer.</summary>
public sealed class PeapMethodTests
{
    [Theory]
    [InlineData(TestKeyKind.Rsa, 12)]
    [InlineData(TestKeyKind.Rsa, 13)]
    [InlineData(TestKeyKind.Ecdsa, 12)]
    [InlineData(TestKeyKind.Ecdsa, 13)]
    public async Task Succeeds_with_the_right_password_and_both_sides_derive_the_same_msk(TestKeyKind kind, int version)
    {
        var pki = TestPki.For(kind);
        var client = EapTlsTestRig.Client(pki, version, EapType.Peap);
        var phase2 = new PeapTestPhase2("alice", "correct horse");
        var peer = new TestEapPeer(client, EapTlsTestRig.PeerFragmentSize, phase2.Handle);

        var step = await peer.RunAsync(EapTlsTestRig.CreateMethod(EapType.Peap, pki.Options()), EapTlsTestRig.Context(new FakeUserDirectory(EapTlsTestRig.Passwords)));

        Assert.Equal(EapStepKind.Success, step.Kind);
        Assert.Equal(version == 13, client.IsTls13);
        Assert.True(phase2.ServerAuthenticated);
        Assert.Equal(client.KeyMaterial![..64], step.Msk);
        Assert.Equal("alice", step.Identity);
        Assert.True(step.Authorization!.Accepted);
        Assert.True(peer.ServerFragmentsAcked > 0);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(13)]
    public async Task Fails_with_a_wrong_password_after_an_mschapv2_failure(int version)
    {
        var pki = TestPki.Ecdsa;
        var phase2 = new PeapTestPhase2("alice", "wrong horse");
        var peer = new TestEapPeer(EapTlsTestRig.Client(pki, version, EapType.Peap), EapTlsTestRig.PeerFragmentSize, phase2.Handle);

        var step = await peer.RunAsync(EapTlsTestRig.CreateMethod(EapType.Peap, pki.Options()), EapTlsTestRig.Context(new FakeUserDirectory(EapTlsTestRig.Passwords)));

        Assert.Equal(EapStepKind.Failure, step.Kind);
        Assert.True(phase2.GotFailure);
        Assert.False(phase2.ServerAuthenticated);
    }

    [Fact]
    public async Task Fails_when_the_peer_answers_with_another_peap_version()
    {
        var method = EapTlsTestRig.CreateMethod(EapType.Peap, TestPki.Ecdsa.Options());
        var context = EapTlsTestRig.Context(new FakeUserDirectory(EapTlsTestRig.Passwords));
        Assert.Equal([0x20], method.Start(context).TypeData);

        var step = await method.ProcessAsync(new byte[] { 0x01, 0x16, 0x03, 0x01, 0x00, 0x01, 0x01 }, context);

        Assert.Equal(EapStepKind.Failure, step.Kind);
    }
}
