using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Orleans.Radius.EndToEnd.Tests.Eap;

/// <summary>
/// EAP-TLS, PEAPv0/MSCHAPv2 and EAP-TTLS (PAP, MSCHAPv2) end to end with Debian's eapol_test (OpenSSL) as the peer,
/// against an RSA server certificate: every success checks the whole 64-byte MSK the peer derived against
/// MS-MPPE-Recv-Key ‖ MS-MPPE-Send-Key; every refusal must end in EAP-Failure, never silence.
/// </summary>
[Collection(EapCollection.Name)]
public sealed class EapTlsTests(EapFixture fixture, ITestOutputHelper output)
{
    private const string Tls13 = "tls_disable_tlsv1_3=0";

    // eapol_test 2.10 leaves TLS 1.3 off unless asked, so "12" runs its default and negotiates TLS 1.2.
    [Theory]
    [InlineData(12, "ECDSA")]
    [InlineData(13, "ECDSA")]
    [InlineData(12, "RSA")]
    [InlineData(13, "RSA")]
    public async Task Eap_tls_authenticates_and_the_peers_msk_is_recv_key_then_send_key(int version, string clientKey)
    {
        var client = fixture.Pki.Client("tls-user", clientKey == "RSA" ? EapKeyKind.Rsa : EapKeyKind.Ecdsa);

        var result = await RunAsync(Tls("tls-user", client, version), gateway: version == 12 ? 1 : 2);

        AssertAuthenticatedWithFullMsk(result, version);
        Assert.Contains("hello tls", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(13)]
    public async Task Peap_mschapv2_authenticates_with_an_anonymous_outer_identity(int version)
    {
        var result = await RunAsync(new EapolNetwork(
            "PEAP", "peap-user", "peap-password", AnonymousIdentity: "anonymous", CaCert: fixture.Pki.CaFile, Phase1: Phase1(version), Phase2: "auth=MSCHAPV2"));

        AssertAuthenticatedWithFullMsk(result, version);
        Assert.Contains("hello peap", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PAP", 12)]
    [InlineData("PAP", 13)]
    [InlineData("MSCHAPV2", 12)]
    [InlineData("MSCHAPV2", 13)]
    public async Task Ttls_authenticates(string inner, int version)
    {
        var result = await RunAsync(new EapolNetwork(
            "TTLS", "ttls-user", "ttls-password", AnonymousIdentity: "anonymous", CaCert: fixture.Pki.CaFile, Phase1: Phase1(version), Phase2: $"auth={inner}"), gateway: 2);

        AssertAuthenticatedWithFullMsk(result, version);
        Assert.Contains("hello ttls", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PEAP", "auth=MSCHAPV2")]
    [InlineData("TTLS", "auth=PAP")]
    [InlineData("TTLS", "auth=MSCHAPV2")]
    public async Task A_wrong_inner_password_ends_in_eap_failure(string method, string phase2)
    {
        var user = method == "PEAP" ? "peap-user" : "ttls-user";

        var result = await RunAsync(new EapolNetwork(method, user, "not-the-password", AnonymousIdentity: "anonymous", CaCert: fixture.Pki.CaFile, Phase2: phase2));

        AssertRefused(result);
    }

    [Theory]
    [InlineData("untrusted", 12, "no valid path to a configured CA")]
    [InlineData("untrusted", 13, "no valid path to a configured CA")]
    [InlineData("expired", 12, "expired on")]
    [InlineData("expired", 13, "expired on")]
    [InlineData("none", 13, "no client certificate")]
    public async Task Eap_tls_refuses_a_client_certificate_that_is_missing_untrusted_or_expired(string which, int version, string reason)
    {
        // eapol_test will not start EAP-TLS without a key; a DSA key, which no TLS 1.3 signature scheme takes, makes
        // OpenSSL answer the certificate request with an empty Certificate message: no client certificate on the wire.
        var identity = $"tls-{which}-{version}";
        var client = which switch
        {
            "untrusted" => fixture.Pki.UntrustedClient(identity),
            "expired" => fixture.Pki.ExpiredClient(identity),
            _ => fixture.Pki.DsaClient(identity),
        };

        var result = await RunAsync(Tls(identity, client, version));

        AssertRefused(result);
        var refusal = await SiloLogLineAsync($"handshake of {identity} ");
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eap_tls_refuses_an_identity_that_is_not_a_name_of_the_client_certificate()
    {
        // A valid certificate of the trusted CA for tls-other must not log in as tls-user (Eap:Tls:RequireIdentityMatch).
        var result = await RunAsync(Tls("tls-user", fixture.Pki.Client("tls-other"), 13));

        AssertRefused(result);
        var refusal = await SiloLogLineAsync("EAP-TLS identity tls-user ");
        Assert.Contains("is not a name of its client certificate CN=tls-other", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anonymous@example.org", 13)]
    [InlineData("@example.org", 12)]
    public async Task Eap_tls_with_an_anonymous_identity_authenticates_the_user_its_certificate_names(string identity, int version)
    {
        // RFC 9190 ("Privacy"): a TLS 1.3 peer should not reveal its name outside the tunnel; the certificate names it.
        var result = await RunAsync(Tls(identity, fixture.Pki.Client("tls-user"), version), gateway: 2);

        AssertAuthenticatedWithFullMsk(result, version);
        Assert.Contains("hello tls", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PEAP")]
    [InlineData("TTLS")]
    [InlineData("TLS")]
    public async Task A_tls_method_the_client_does_not_allow_ends_in_eap_failure_after_the_nak(string method)
    {
        // The 127.0.0.2 client allows only MD5: the server proposes MD5 and the peer's Nak asks for a method it may not have.
        var network = method == "TLS"
            ? Tls("tls-user", fixture.Pki.Client("tls-user"), 12)
            : new EapolNetwork(method, "peap-user", "peap-password", CaCert: fixture.Pki.CaFile, Phase2: "auth=MSCHAPV2");

        var result = await RunAsync(network, client: EapClusterFixture.Md5OnlyClient);

        Assert.Contains("-> NAK", result.Output, StringComparison.Ordinal);
        AssertRefused(result);
    }

    private EapolNetwork Tls(string identity, PemPair client, int version) =>
        new("TLS", identity, CaCert: fixture.Pki.CaFile, ClientCert: client.CertificateFile, PrivateKey: client.KeyFile, Phase1: Phase1(version));

    // The console logger writes asynchronously, so the line may follow the Access-Reject by a moment.
    private async Task<string> SiloLogLineAsync(string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var line = fixture.Cluster.Silos.SelectMany(silo => silo.Process.Output.Split('\n'))
                .LastOrDefault(line => line.Contains(text, StringComparison.Ordinal));
            if (line is not null || DateTime.UtcNow > deadline)
            {
                return line ?? $"no silo logged '{text}'";
            }

            await Task.Delay(100);
        }
    }

    private static string? Phase1(int version) => version == 13 ? Tls13 : null;

    private void AssertAuthenticatedWithFullMsk(EapolResult result, int version)
    {
        Assert.True(result.ExitCode == 0 && result.Succeeded, Explain(result));
        Assert.Contains(version == 13 ? "TLSv1.3" : "TLSv1.2", result.Output, StringComparison.Ordinal);
        Assert.NotNull(result.Msk);
        Assert.Equal(64, result.Msk.Length);
        Assert.Equal(Convert.ToHexString(result.Msk), Convert.ToHexString(result.ServerMsk ?? []));
    }

    private void AssertRefused(EapolResult result)
    {
        Assert.False(result.Succeeded, Explain(result));
        Assert.True(result.ReceivedEapFailure, Explain(result));
    }

    private async Task<EapolResult> RunAsync(EapolNetwork network, int gateway = 1, System.Net.IPAddress? client = null)
    {
        var config = EapolTest.WriteConfig(fixture.ConfigDirectory, network);
        var result = await EapolTest.RunAsync(config, fixture.Gateway(gateway).Auth, clientAddress: client);
        output.WriteLine(EapolTest.Summary(result));
        return result;
    }

    private string Explain(EapolResult result) => $"eapol_test exit {result.ExitCode}:\n{EapolTest.Summary(result)}\n{fixture.Cluster.Output()}";
}
