using System.Buffers.Binary;
using System.Security.Cryptography;
using Org.BouncyCastle.Tls;
using Orleans.Radius.Grains.Eap;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>EAP-TLS against a BouncyCastle peer: TLS 1.2 and 1.3, RSA and ECDSA, fragmented both ways.</summary>
public sealed class EapTlsMethodTests
{
    [Theory]
    [InlineData(TestKeyKind.Rsa, 12)]
    [InlineData(TestKeyKind.Rsa, 13)]
    [InlineData(TestKeyKind.Ecdsa, 12)]
    [InlineData(TestKeyKind.Ecdsa, 13)]
    public async Task Succeeds_with_a_valid_client_certificate_and_both_sides_derive_the_same_msk(TestKeyKind kind, int version)
    {
        var pki = TestPki.For(kind);
        var users = new FakeUserDirectory(EapTlsTestRig.Passwords);
        var client = EapTlsTestRig.Client(pki, version, EapType.Tls, pki.Client);
        var peer = new TestEapPeer(client, EapTlsTestRig.PeerFragmentSize);

        var step = await peer.RunAsync(EapTlsTestRig.CreateMethod(EapType.Tls, pki.Options(withCrl: true)), EapTlsTestRig.Context(users, "alice"));

        Assert.Equal(EapStepKind.Success, step.Kind);
        Assert.Equal(version == 13, client.IsTls13);
        Assert.True(client.ServerCertificateMatched);
        Assert.Equal(client.KeyMaterial![..64], step.Msk);
        Assert.Equal("alice", step.Identity);
        Assert.Equal(["alice"], users.CertificateAuthorizations);
        Assert.True(peer.ServerFragmentsAcked > 0, "the server's flight must have been fragmented");
        Assert.True(peer.PeerFragmentsSent > 3, "the peer's flight must have been fragmented");
    }

    [Theory]
    [InlineData(TestKeyKind.Ecdsa, 12, NamedGroup.secp256r1)]
    [InlineData(TestKeyKind.Ecdsa, 13, NamedGroup.secp256r1)]
    [InlineData(TestKeyKind.Rsa, 12, NamedGroup.secp384r1)]
    [InlineData(TestKeyKind.Rsa, 13, NamedGroup.secp384r1)]
    [InlineData(TestKeyKind.Rsa, 12, NamedGroup.secp521r1)]
    [InlineData(TestKeyKind.Rsa, 13, NamedGroup.x25519)]
    public async Task Succeeds_with_the_key_exchange_group_the_peer_offers_and_both_sides_derive_the_same_msk(TestKeyKind kind, int version, int group)
    {
        var pki = TestPki.For(kind);
        var users = new FakeUserDirectory(EapTlsTestRig.Passwords);
        var client = EapTlsTestRig.Client(pki, version, EapType.Tls, pki.Client, groups: [group]);
        var peer = new TestEapPeer(client, EapTlsTestRig.PeerFragmentSize);

        var step = await peer.RunAsync(EapTlsTestRig.CreateMethod(EapType.Tls, pki.Options()), EapTlsTestRig.Context(users, "alice"));

        Assert.Equal(EapStepKind.Success, step.Kind);
        if (version == 13)
        {
            // BouncyCastle's client records the group for TLS 1.3 only; in TLS 1.2 it offered no other.
            Assert.Equal(group, client.NegotiatedGroup);
        }

        Assert.Equal(client.KeyMaterial![..64], step.Msk);
    }

    [Theory]
    [InlineData(12, "none", AlertDescription.handshake_failure)]
    [InlineData(13, "none", AlertDescription.certificate_required)]
    [InlineData(12, "untrusted", AlertDescription.unknown_ca)]
    [InlineData(13, "untrusted", AlertDescription.unknown_ca)]
    [InlineData(12, "expired", AlertDescription.certificate_expired)]
    [InlineData(13, "expired", AlertDescription.certificate_expired)]
    [InlineData(12, "revoked", AlertDescription.certificate_revoked)]
    [InlineData(13, "revoked", AlertDescription.certificate_revoked)]
    [InlineData(12, "server-only", AlertDescription.unsupported_certificate)]
    [InlineData(13, "server-only", AlertDescription.unsupported_certificate)]
    public async Task Fails_for_a_missing_or_unacceptable_client_certificate_after_telling_the_peer_why(int version, string which, short alert)
    {
        var pki = TestPki.Ecdsa;
        var certificate = which switch
        {
            "none" => null,
            "untrusted" => pki.Untrusted,
            "expired" => pki.Expired,
            "revoked" => pki.Revoked,
            _ => pki.WrongUsage,
        };
        var users = new FakeUserDirectory(EapTlsTestRig.Passwords, acceptUnknownCertificates: true);
        var peer = new TestEapPeer(EapTlsTestRig.Client(pki, version, EapType.Tls, certificate), EapTlsTestRig.PeerFragmentSize);

        var step = await peer.RunAsync(EapTlsTestRig.CreateMethod(EapType.Tls, pki.Options(withCrl: true)), EapTlsTestRig.Context(users, "alice"));

        Assert.Equal(EapStepKind.Failure, step.Kind);
        Assert.Equal(alert, peer.ReceivedAlert);
        Assert.Empty(users.CertificateAuthorizations);
    }

    [Fact]
    public async Task Fails_when_the_directory_does_not_authorize_the_identity()
    {
        var pki = TestPki.Ecdsa;
        var users = new FakeUserDirectory(EapTlsTestRig.Passwords);
        var peer = new TestEapPeer(EapTlsTestRig.Client(pki, 13, EapType.Tls, pki.Client), EapTlsTestRig.PeerFragmentSize);

        var options = pki.Options();
        options.RequireIdentityMatch = false;

        var step = await peer.RunAsync(EapTlsTestRig.CreateMethod(EapType.Tls, options), EapTlsTestRig.Context(users, "nobody"));

        Assert.Equal(EapStepKind.Failure, step.Kind);
        Assert.Equal(["nobody"], users.CertificateAuthorizations);
    }

    [Fact]
    public async Task Refuses_a_declared_message_length_above_the_cap()
    {
        var method = EapTlsTestRig.CreateMethod(EapType.Tls, TestPki.Ecdsa.Options());
        var context = EapTlsTestRig.Context(new FakeUserDirectory(EapTlsTestRig.Passwords));
        method.Start(context);
        var typeData = new byte[5 + 100];
        typeData[0] = 0x80 | 0x40;
        BinaryPrimitives.WriteUInt32BigEndian(typeData.AsSpan(1), 10_000_000);

        var step = await method.ProcessAsync(typeData, context);

        Assert.Equal(EapStepKind.Failure, step.Kind);
    }

    [Fact]
    public async Task Refuses_fragments_without_a_length_that_grow_past_the_cap()
    {
        var options = TestPki.Ecdsa.Options();
        options.MaxMessageLength = 4096;
        var method = EapTlsTestRig.CreateMethod(EapType.Tls, options);
        var context = EapTlsTestRig.Context(new FakeUserDirectory(EapTlsTestRig.Passwords));
        method.Start(context);
        var fragment = new byte[1 + 1000];
        fragment[0] = 0x40;
        var steps = new List<EapStepKind>();
        for (var i = 0; i < 6; i++)
        {
            steps.Add((await method.ProcessAsync(fragment, context)).Kind);
        }

        Assert.Equal([EapStepKind.Continue, EapStepKind.Continue, EapStepKind.Continue, EapStepKind.Continue, EapStepKind.Failure], steps.Take(5));
    }

    [Fact]
    public async Task Garbage_instead_of_a_client_hello_ends_in_failure_after_the_alert()
    {
        var method = EapTlsTestRig.CreateMethod(EapType.Tls, TestPki.Ecdsa.Options());
        var context = EapTlsTestRig.Context(new FakeUserDirectory(EapTlsTestRig.Passwords));
        method.Start(context);
        byte[] garbage = [0x00, 0x16, 0x03, 0x03, 0x00, 0x20, .. RandomNumberGenerator.GetBytes(32)];

        var step = await method.ProcessAsync(garbage, context);
        if (step.Kind == EapStepKind.Continue)
        {
            // The TLS alert went out; the peer acknowledges it and gets the Failure.
            Assert.Equal(0x15, step.TypeData![1]);
            step = await method.ProcessAsync(new byte[] { 0x00 }, context);
        }

        Assert.Equal(EapStepKind.Failure, step.Kind);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x16, 0x03, 0x03, 0x10, 0x00, 0x01 })]
    [InlineData(new byte[] { 0x80, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x20 })]
    [InlineData(new byte[] { })]
    public async Task Truncated_records_and_bad_framing_end_in_failure(byte[] typeData)
    {
        var method = EapTlsTestRig.CreateMethod(EapType.Tls, TestPki.Ecdsa.Options());
        var context = EapTlsTestRig.Context(new FakeUserDirectory(EapTlsTestRig.Passwords));
        method.Start(context);

        var step = await method.ProcessAsync(typeData, context);

        Assert.Equal(EapStepKind.Failure, step.Kind);
    }
}
