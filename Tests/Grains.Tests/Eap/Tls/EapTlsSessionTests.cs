using Org.BouncyCastle.Tls;
using Orleans.Radius.Grains.Eap.Tls;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>
/// The OpenSSL connection under the TLS-based methods, driven directly by a BouncyCastle client without EAP framing:
/// the exported keys against the client's own derivation, damaged input, and the lifetime of the native objects.
/// </summary>
public sealed class EapTlsSessionTests
{
    [Theory]
    [InlineData(EapType.Tls, 12)]
    [InlineData(EapType.Tls, 13)]
    [InlineData(EapType.Peap, 12)]
    [InlineData(EapType.Peap, 13)]
    [InlineData(EapType.Ttls, 12)]
    [InlineData(EapType.Ttls, 13)]
    public void The_exported_keys_equal_what_the_peer_derives(EapType method, int version)
    {
        var pki = TestPki.Ecdsa;
        using var setup = Setup(pki);
        using var session = new EapTlsSession(setup, Settings(method));
        var client = EapTlsTestRig.Client(pki, version, method, method == EapType.Tls ? pki.Client : null);

        Handshake(session, client);

        Assert.Equal(version == 13, session.Keys!.IsTls13);
        Assert.Equal(client.KeyMaterial, session.Keys.KeyMaterial);
        Assert.Equal(method == EapType.Ttls ? client.TtlsChallenge : null, session.Keys.TtlsChallenge);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(13)]
    public void Application_data_crosses_both_ways_and_a_corrupted_record_fails_the_session_with_a_reason(int version)
    {
        var pki = TestPki.Rsa;
        using var setup = Setup(pki);
        using var session = new EapTlsSession(setup, Settings(EapType.Peap));
        var protocol = Handshake(session, EapTlsTestRig.Client(pki, version, EapType.Peap));

        Assert.True(session.WriteApplicationData("to the peer"u8));
        protocol.OfferInput(session.TakeOutput());
        Assert.Equal("to the peer"u8.ToArray(), Read(protocol));
        protocol.WriteApplicationData("to the server"u8);
        Assert.True(session.Offer(Output(protocol)));
        Assert.Equal("to the server"u8.ToArray(), session.TakeApplicationData());
        Assert.Empty(session.TakeApplicationData());

        protocol.WriteApplicationData("tampered"u8);
        var record = Output(protocol);
        record[^1] ^= 0x01;

        Assert.False(session.Offer(record));
        Assert.True(session.IsFailed);
        Assert.False(string.IsNullOrWhiteSpace(session.FailureReason));
        Assert.False(session.Offer(Output(protocol)));
        Assert.False(session.WriteApplicationData("after the failure"u8));
    }

    [Fact]
    public void A_corrupted_handshake_message_fails_the_session_and_queues_an_alert()
    {
        var pki = TestPki.Ecdsa;
        using var setup = Setup(pki);
        using var session = new EapTlsSession(setup, Settings(EapType.Ttls));
        var protocol = Connect(EapTlsTestRig.Client(pki, 12, EapType.Ttls));
        var hello = Output(protocol);

        // A ServerHello where the ClientHello belongs.
        hello[5] = 0x02;

        Assert.False(session.Offer(hello));
        Assert.True(session.IsFailed);
        Assert.False(string.IsNullOrWhiteSpace(session.FailureReason));
        var alert = session.TakeOutput();
        Assert.Equal(0x15, alert[0]);
        Assert.False(session.IsHandshakeComplete);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(13)]
    public void A_missing_client_certificate_is_named_as_such(int version)
    {
        var pki = TestPki.Ecdsa;
        using var setup = Setup(pki);
        using var session = new EapTlsSession(setup, Settings(EapType.Tls));
        var protocol = Connect(EapTlsTestRig.Client(pki, version, EapType.Tls));
        var failed = false;
        for (var flight = 0; flight < 4 && !failed; flight++)
        {
            failed = !session.Offer(Output(protocol));
            try
            {
                protocol.OfferInput(session.TakeOutput());
            }
            catch (TlsFatalAlertReceived)
            {
                // The server's alert, once the peer sent its empty Certificate.
            }
        }

        Assert.True(session.IsFailed);
        Assert.Equal("no client certificate", session.ClientCertificate?.Reason);
        Assert.Contains("no client certificate", session.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disposed_session_refuses_everything_and_may_be_disposed_again()
    {
        var pki = TestPki.Ecdsa;
        using var setup = Setup(pki);
        var session = new EapTlsSession(setup, Settings(EapType.Tls));
        var protocol = Connect(EapTlsTestRig.Client(pki, 13, EapType.Tls, pki.Client));

        session.Dispose();
        session.Dispose();

        Assert.False(session.Offer(Output(protocol)));
        Assert.Empty(session.TakeOutput());
        Assert.Empty(session.TakeApplicationData());
        Assert.False(session.WriteApplicationData("late"u8));
    }

    [Fact]
    public void Sessions_outlive_the_setup_they_were_made_from()
    {
        var pki = TestPki.Ecdsa;
        var setup = Setup(pki);
        using var session = new EapTlsSession(setup, Settings(EapType.Peap));
        setup.Dispose();
        var client = EapTlsTestRig.Client(pki, 13, EapType.Peap);

        Handshake(session, client);

        Assert.Equal(client.KeyMaterial, session.Keys!.KeyMaterial);
    }

    [Fact]
    public void A_tls12_peer_whose_groups_exclude_the_ecdsa_certificates_curve_is_refused()
    {
        // RFC 8422 §5.1: in TLS 1.2 the supported groups also bound the curve of the server's ECDSA certificate (P-256 here).
        var pki = TestPki.Ecdsa;
        using var setup = Setup(pki);
        using var session = new EapTlsSession(setup, Settings(EapType.Peap));
        var protocol = Connect(EapTlsTestRig.Client(pki, 12, EapType.Peap, groups: [NamedGroup.secp384r1]));

        Assert.False(session.Offer(Output(protocol)));
        Assert.True(session.IsFailed);
        Assert.Contains("no shared cipher", session.FailureReason, StringComparison.Ordinal);
    }

    private static EapTlsServerSetup Setup(TestPki pki)
    {
        List<string> problems = [];
        using var material = EapTlsMaterialLoader.TryLoad(pki.Options(), problems) ?? throw new InvalidOperationException(string.Join("; ", problems));
        return new EapTlsServerSetup(material, new ClientCertificateValidator(material), TimeProvider.System);
    }

    private static EapTlsServerSettings Settings(EapType method) =>
        new(method, EapTlsVersion.Tls12, EapTlsVersion.Tls13, RequestClientCertificate: method == EapType.Tls);

    private static TlsClientProtocol Connect(TestTlsClient client)
    {
        var protocol = new TlsClientProtocol();
        protocol.Connect(client);
        return protocol;
    }

    private static TlsClientProtocol Handshake(EapTlsSession session, TestTlsClient client)
    {
        var protocol = Connect(client);
        for (var flight = 0; flight < 8 && (protocol.IsHandshaking || !session.IsHandshakeComplete); flight++)
        {
            Assert.True(session.Offer(Output(protocol)), session.FailureReason);
            var answer = session.TakeOutput();
            if (answer.Length > 0)
            {
                protocol.OfferInput(answer);
            }
        }

        Assert.True(session.IsHandshakeComplete);
        Assert.False(protocol.IsHandshaking);
        return protocol;
    }

    private static byte[] Output(TlsClientProtocol protocol)
    {
        var output = new byte[protocol.GetAvailableOutputBytes()];
        protocol.ReadOutput(output, 0, output.Length);
        return output;
    }

    private static byte[] Read(TlsClientProtocol protocol)
    {
        var data = new byte[protocol.GetAvailableInputBytes()];
        protocol.ReadInput(data, 0, data.Length);
        return data;
    }
}
