using System.Security.Cryptography.X509Certificates;
using Orleans.Radius.Grains.Eap;
using Orleans.Radius.Grains.Eap.Tls;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>
/// <c>Eap:Tls:RequireIdentityMatch</c>: an EAP-TLS identity must be a name of the client certificate (subject CN or a
/// subjectAltName email, DNS or UPN value), so a valid certificate cannot claim another user.
/// </summary>
public sealed class IdentityMatchTests
{
    private const string Email = "carol@example.test";
    private const string DnsName = "carol-laptop.example.test";
    private const string Upn = "carol@corp.example.test";

    private static readonly Lazy<X509Certificate2> Carol = new(() =>
    {
        var now = DateTimeOffset.UtcNow;
        return TestPki.Issue(TestPki.Ecdsa.Ca, "CN=carol, O=Example", TestKeyKind.Ecdsa, now.AddDays(-1), now.AddYears(1), "1.3.6.1.5.5.7.3.2", AlternativeNames());
    });

    [Fact]
    public void The_certificate_names_are_its_common_name_and_its_email_dns_and_upn_alternative_names()
    {
        var check = new ClientCertificateValidator(Material()).Validate([Carol.Value.RawData], DateTime.UtcNow);

        Assert.True(check.Accepted, check.Reason);
        Assert.Equal(["carol", Email, DnsName, Upn], check.Identities);
    }

    [Theory]
    [InlineData("carol", 12)]
    [InlineData(Email, 13)]
    [InlineData(DnsName, 12)]
    [InlineData(Upn, 13)]
    public async Task An_identity_the_certificate_names_is_authorized(string identity, int version)
    {
        var users = new FakeUserDirectory(EapTlsTestRig.Passwords, acceptUnknownCertificates: true);
        var peer = new TestEapPeer(EapTlsTestRig.Client(TestPki.Ecdsa, version, EapType.Tls, Carol.Value), EapTlsTestRig.PeerFragmentSize);

        var step = await peer.RunAsync(EapTlsTestRig.CreateMethod(EapType.Tls, TestPki.Ecdsa.Options()), EapTlsTestRig.Context(users, identity));

        Assert.Equal(EapStepKind.Success, step.Kind);
        Assert.Equal(identity, step.Identity);
        Assert.Equal([identity], users.CertificateAuthorizations);
    }

    [Theory]
    [InlineData("alice", 12)]
    [InlineData("alice", 13)]
    [InlineData("Carol", 13)]
    [InlineData("carol@example.test.", 12)]
    public async Task Another_name_fails_before_the_directory_is_asked(string identity, int version)
    {
        var users = new FakeUserDirectory(EapTlsTestRig.Passwords, acceptUnknownCertificates: true);
        var peer = new TestEapPeer(EapTlsTestRig.Client(TestPki.Ecdsa, version, EapType.Tls, Carol.Value), EapTlsTestRig.PeerFragmentSize);

        var step = await peer.RunAsync(EapTlsTestRig.CreateMethod(EapType.Tls, TestPki.Ecdsa.Options()), EapTlsTestRig.Context(users, identity));

        Assert.Equal(EapStepKind.Failure, step.Kind);
        Assert.Empty(users.CertificateAuthorizations);
    }

    [Fact]
    public async Task Turned_off_any_valid_certificate_may_claim_a_name_the_directory_accepts()
    {
        var options = TestPki.Ecdsa.Options();
        options.RequireIdentityMatch = false;
        var users = new FakeUserDirectory(EapTlsTestRig.Passwords);
        var peer = new TestEapPeer(EapTlsTestRig.Client(TestPki.Ecdsa, 13, EapType.Tls, Carol.Value), EapTlsTestRig.PeerFragmentSize);

        var step = await peer.RunAsync(EapTlsTestRig.CreateMethod(EapType.Tls, options), EapTlsTestRig.Context(users, "alice"));

        Assert.Equal(EapStepKind.Success, step.Kind);
        Assert.Equal(["alice"], users.CertificateAuthorizations);
    }

    [Fact]
    public void The_option_is_on_by_default() => Assert.True(new EapTlsOptions().RequireIdentityMatch);

    private static EapTlsMaterial Material()
    {
        List<string> problems = [];
        return EapTlsMaterialLoader.TryLoad(TestPki.Ecdsa.Options(), problems) ?? throw new InvalidOperationException(string.Join("; ", problems));
    }

    private static X509Extension AlternativeNames()
    {
        var builder = new SubjectAlternativeNameBuilder();
        builder.AddEmailAddress(Email);
        builder.AddDnsName(DnsName);
        builder.AddUserPrincipalName(Upn);
        return builder.Build();
    }
}
