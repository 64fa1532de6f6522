using Orleans.Radius.Grains.Eap;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>EAP-TTLS with inner PAP and MS-CHAPv2 against a BouncyCastle peer.</summary>
public sealed class TtlsMethodTests
{
    [Theory]
    [InlineData(TestKeyKind.Rsa, 12, false)]
    [InlineData(TestKeyKind.Rsa, 13, true)]
    [InlineData(TestKeyKind.Ecdsa, 12, true)]
    [InlineData(TestKeyKind.Ecdsa, 13, false)]
    [InlineData(TestKeyKind.Ecdsa, 12, false)]
    [InlineData(TestKeyKind.Rsa, 13, false)]
    public async Task Succeeds_with_the_right_password_and_both_sides_derive_the_same_msk(TestKeyKind kind, int version, bool msChapV2)
    {
        var pki = TestPki.For(kind);
        var client = EapTlsTestRig.Client(pki, version, EapType.Ttls);
        var phase2 = new TtlsTestPhase2(client, "bob", "battery staple", msChapV2);
        var peer = new TestEapPeer(client, EapTlsTestRig.PeerFragmentSize, phase2.Handle);

        var step = await peer.RunAsync(EapTlsTestRig.CreateMethod(EapType.Ttls, pki.Options()), EapTlsTestRig.Context(new FakeUserDirectory(EapTlsTestRig.Passwords)));

        Assert.Equal(EapStepKind.Success, step.Kind);
        Assert.Equal(version == 13, client.IsTls13);
        Assert.Equal(msChapV2, phase2.ServerAuthenticated);
        Assert.Equal(client.KeyMaterial![..64], step.Msk);
        Assert.Equal("bob", step.Identity);
    }

    [Theory]
    [InlineData(12, false)]
    [InlineData(13, false)]
    [InlineData(12, true)]
    [InlineData(13, true)]
    public async Task Fails_with_a_wrong_password(int version, bool msChapV2)
    {
        var pki = TestPki.Ecdsa;
        var client = EapTlsTestRig.Client(pki, version, EapType.Ttls);
        var phase2 = new TtlsTestPhase2(client, "bob", "battery stapler", msChapV2);
        var peer = new TestEapPeer(client, EapTlsTestRig.PeerFragmentSize, phase2.Handle);

        var step = await peer.RunAsync(EapTlsTestRig.CreateMethod(EapType.Ttls, pki.Options()), EapTlsTestRig.Context(new FakeUserDirectory(EapTlsTestRig.Passwords)));

        Assert.Equal(EapStepKind.Failure, step.Kind);
        Assert.False(phase2.ServerAuthenticated);
    }
}
