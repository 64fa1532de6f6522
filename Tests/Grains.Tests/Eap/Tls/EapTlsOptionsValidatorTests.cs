using Orleans.Radius.Grains.Eap.Tls;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>Startup validation of <c>Eap:Tls</c>: every problem named, files read as the server will.</summary>
public sealed class EapTlsOptionsValidatorTests
{
    [Fact]
    public void Nothing_configured_is_valid_and_leaves_the_tls_methods_off()
    {
        var result = new EapTlsOptionsValidator().Validate(null, new EapTlsOptions());

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData(TestKeyKind.Rsa)]
    [InlineData(TestKeyKind.Ecdsa)]
    public void A_complete_configuration_is_valid(TestKeyKind kind)
    {
        var result = new EapTlsOptionsValidator().Validate(null, TestPki.For(kind).Options(withCrl: true));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Names_every_problem_at_once()
    {
        var options = new EapTlsOptions
        {
            CertificateFile = "/nonexistent/server.pem",
            KeyFile = "/nonexistent/server.key",
            ClientCaFile = "/nonexistent/ca.pem",
            FragmentSize = 10,
            MaxMessageLength = 100,
            MinVersion = EapTlsVersion.Tls13,
            MaxVersion = EapTlsVersion.Tls12,
        };

        var failures = new EapTlsOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, failure => failure.Contains("Eap:Tls:CertificateFile (/nonexistent/server.pem) cannot be read", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.Contains("Eap:Tls:KeyFile (/nonexistent/server.key) cannot be read", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.Contains("Eap:Tls:ClientCaFile (/nonexistent/ca.pem) cannot be read", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.Contains("FragmentSize", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.Contains("MaxMessageLength", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.Contains("MinVersion", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_of_another_certificate_is_named()
    {
        var options = TestPki.Ecdsa.Options();
        options.KeyFile = TestPki.Ecdsa.Write("other.key", TestPki.ExportKey(TestPki.Ecdsa.Client, null));

        var failures = new EapTlsOptionsValidator().Validate(null, options).Failures!;

        Assert.Contains(failures, failure => failure.Contains("does not match the certificate", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TestKeyKind.Rsa)]
    [InlineData(TestKeyKind.Ecdsa)]
    public void An_encrypted_key_loads_with_its_password_and_is_named_without_or_with_a_wrong_one(TestKeyKind kind)
    {
        using var pki = new TestPki(kind, encryptKey: true);
        var options = pki.Options();
        var validator = new EapTlsOptionsValidator();

        options.KeyPassword = TestPki.KeyPassword;
        Assert.True(validator.Validate(null, options).Succeeded);

        options.KeyPassword = null;
        Assert.Contains(validator.Validate(null, options).Failures!, failure => failure.Contains("set Eap:Tls:KeyPassword", StringComparison.Ordinal));

        options.KeyPassword = "not it";
        var wrong = validator.Validate(null, options).Failures!;
        Assert.Contains(wrong, failure => failure.Contains("cannot be decrypted", StringComparison.Ordinal));
        Assert.DoesNotContain(wrong, failure => failure.Contains("not it", StringComparison.Ordinal));
    }

    [Fact]
    public void A_crl_file_without_a_crl_is_named()
    {
        var options = TestPki.Ecdsa.Options();
        options.CrlFile = TestPki.Ecdsa.ClientCaFile;

        Assert.Contains(new EapTlsOptionsValidator().Validate(null, options).Failures!, failure => failure.Contains("holds no X509 CRL", StringComparison.Ordinal));
    }
}
