using System.Security.Cryptography;
using Orleans.Radius.Grains.Eap.Tls;

namespace Orleans.Radius.Silo;

/// <summary>
/// <c>--demo</c>: the all-in-one server on loopback with a throw-away NAS client and user, so a newcomer
/// can run <c>radtest</c> right away. The credentials are random per start and printed once to the console.
/// </summary>
internal static class DemoMode
{
    public static bool IsRequested(string[] args) => args.Contains("--demo");

    public static (string Secret, string Password) Add(IConfigurationManager configuration)
    {
        var secret = RandomToken();
        var password = RandomToken();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:Enabled"] = "true",
            ["Gateway:Address"] = "127.0.0.1",
            ["Clients:0:Name"] = "demo-localhost",
            ["Clients:0:Address"] = "127.0.0.1",
            ["Clients:0:Secret"] = secret,
            // Debian 12's radtest (3.2.1) adds Message-Authenticator to its requests, so the demo keeps the
            // BlastRADIUS default of requiring it.
            ["Clients:0:RequireMessageAuthenticator"] = "true",
            ["Users:0:UserName"] = "demo",
            ["Users:0:Password"] = password,
            ["Users:0:Reply:Reply-Message"] = "Welcome to Orleans.Radius",
        });
        return (secret, password);
    }

    public static void Print((string Secret, string Password) demo, IConfiguration configuration)
    {
        var port = configuration.GetValue("Gateway:AuthPort", 1812);
        Console.WriteLine($"""

            Demo mode (embedded default, nothing is durable). RADIUS listens on 127.0.0.1:{port} (auth) and :{configuration.GetValue("Gateway:AcctPort", 1813)} (accounting).
              NAS client 127.0.0.1, shared secret: {demo.Secret}
              user 'demo', password: {demo.Password}
              try: radtest demo {demo.Password} 127.0.0.1:{port} 0 {demo.Secret}

            """);
    }

    /// <summary>
    /// Without a configured server certificate, points <c>Eap:Tls</c> at a throw-away PKI (created at the first start,
    /// reused after), so EAP-TLS, PEAP and TTLS work in the demo.
    /// </summary>
    public static EapTlsDevelopmentFiles? AddEapCertificates(IConfigurationManager configuration)
    {
        if (configuration.GetSection(EapTlsOptions.Section).Get<EapTlsOptions>() is { IsConfigured: true })
        {
            return null;
        }

        var files = EapTlsDevelopmentCertificates.EnsureCreated(EapTlsDevelopmentCertificates.DefaultDirectory);
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{EapTlsOptions.Section}:CertificateFile"] = files.CertificateFile,
            [$"{EapTlsOptions.Section}:KeyFile"] = files.KeyFile,
            [$"{EapTlsOptions.Section}:ClientCaFile"] = files.CaCertificateFile,
        });
        return files;
    }

    public static void PrintEapCertificates(EapTlsDevelopmentFiles files) => Console.WriteLine($"""
          EAP uses a throw-away development CA ({(files.Created ? "created" : "reused")}); point eapol_test at it:
            ca_cert="{files.CaCertificateFile}"
            EAP-TLS: client_cert="{files.ClientCertificateFile}" private_key="{files.ClientKeyFile}"

        """);

    private static string RandomToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
