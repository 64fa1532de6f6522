using System.Net;
using System.Text.Json.Nodes;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;

namespace Orleans.Radius.EndToEnd.Tests.Eap;

/// <summary>
/// Two silos and two gateways over one redis-server for EAP, with EAP-TLS, PEAP and TTLS on a test PKI made at
/// start. A second NAS client entry, 127.0.0.2, allows only EAP-MD5, so eapol_test sent from there (<c>-A</c>)
/// meets a method that is not allowed.
/// </summary>
public abstract class EapClusterFixture : IAsyncLifetime
{
    /// <summary>The NAS client address whose entry allows only EAP-MD5.</summary>
    public static readonly IPAddress Md5OnlyClient = IPAddress.Parse("127.0.0.2");

    internal static readonly TestUser[] Users =
    [
        new("eap-md5", "md5-password", new Dictionary<string, string> { ["Reply-Message"] = "hello md5" }),
        new("eap-mschap", "mschap-password", new Dictionary<string, string> { ["Reply-Message"] = "hello mschap" }),
        new("eap-wrong", "right-password"),
        new("eap-roaming", "roaming-password"),
        new("eap-crash", "crash-password"),
        new("eap-drain", "drain-password"),
        new("peap-user", "peap-password", new Dictionary<string, string> { ["Reply-Message"] = "hello peap" }),
        new("ttls-user", "ttls-password", new Dictionary<string, string> { ["Reply-Message"] = "hello ttls" }),
        new("tls-user", "unused-tls-password", new Dictionary<string, string> { ["Reply-Message"] = "hello tls" }),
        new("tls-other", "unused-tls-password"),
    ];

    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("radius-eap-").FullName;

    internal RadiusCluster Cluster { get; }

    internal string ConfigDirectory => _directory;

    /// <summary>The CA of the server certificate and of the trusted client certificates.</summary>
    internal EapPki Pki { get; private set; } = null!;

    internal RadiusNode Gateway(int number) => Cluster.Gateways[number - 1];

    protected EapClusterFixture(string clusterId) => Cluster = new RadiusCluster(clusterId);

    protected abstract IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The key type of the server certificate.</summary>
    private protected abstract EapKeyKind ServerKey { get; }

    public async Task InitializeAsync()
    {
        Pki = new EapPki(_directory);
        var server = Pki.Server(ServerKey);
        var settings = new Dictionary<string, string>(Settings)
        {
            ["Eap:Tls:CertificateFile"] = server.CertificateFile,
            ["Eap:Tls:KeyFile"] = server.KeyFile,
            ["Eap:Tls:ClientCaFile"] = Pki.CaFile,
            // The "Orleans" category is at Warning; the tests read why a handshake was refused.
            ["Logging:LogLevel:Orleans.Radius"] = "Information",
            // The dashboard tells which silo holds a conversation.
            ["Dashboard:Enabled"] = "true",
        };
        await Cluster.StartRedisAsync();
        Cluster.Configure("eap.json", Users, maxFailures: 0, settings: settings);
        AddMd5OnlyClient(Cluster.ConfigPath);
        await Cluster.StartAsync(silos: 2, gateways: 2);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Pki?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static void AddMd5OnlyClient(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var first = root["Clients"]![0]!;
        root["Clients"]!.AsArray().Add(new JsonObject
        {
            ["Name"] = "md5-only-nas",
            ["Address"] = Md5OnlyClient.ToString(),
            ["Secret"] = first["Secret"]!.GetValue<string>(),
            ["EapMethods"] = new JsonArray("MD5"),
        });
        File.WriteAllText(path, root.ToJsonString());
    }
}

/// <summary>Persisted EAP-MD5/MSCHAPv2 progress (the default), User-Name of the inner identity in the Accept, an RSA server certificate.</summary>
public sealed class EapFixture() : EapClusterFixture("e2e-eap")
{
    private protected override EapKeyKind ServerKey => EapKeyKind.Rsa;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Eap:ReplyInnerIdentity"] = "true",
        ["Eap:ConversationTimeout"] = "00:00:20",
        ["Dedup:Window"] = "00:00:01",
    };
}

/// <summary>
/// Progress not persisted, so a conversation lives only in its activation, like a TLS one: losing the silo
/// must fail it cleanly, and a graceful stop must let it finish. Short expiry so tests start from no conversations,
/// yet long enough that a held round meets a killed silo, not an expired conversation. An ECDSA server certificate.
/// </summary>
public sealed class EapFaultFixture() : EapClusterFixture("e2e-eap-fault")
{
    private protected override EapKeyKind ServerKey => EapKeyKind.Ecdsa;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Eap:PersistProgress"] = "false",
        ["Eap:ConversationTimeout"] = "00:00:10",
        ["Eap:DrainTimeout"] = "00:00:20",
        ["Dedup:Window"] = "00:00:01",
    };
}

[CollectionDefinition(Name)]
public sealed class EapCollection : ICollectionFixture<EapFixture>
{
    public const string Name = "eap";
}

[CollectionDefinition(Name)]
public sealed class EapFaultCollection : ICollectionFixture<EapFaultFixture>
{
    public const string Name = "eap faults";
}
