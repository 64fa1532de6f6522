using Orleans.Radius.EndToEnd.Tests.Infrastructure;

namespace Orleans.Radius.EndToEnd.Tests.Cluster;

/// <summary>
/// Two silos and two stand-alone gateways over one redis-server, started once for the whole collection.
/// Each test owns its users, so the tests do not depend on one another's lockout counters.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string TunnelPassword = "tunnel-secret-42";

    internal static readonly IReadOnlyDictionary<string, string> RichReply = new Dictionary<string, string>
    {
        ["Reply-Message"] = "Welcome, alice",
        ["Session-Timeout"] = "3600",
        // Numbers, not the dictionary's names (VLAN, IEEE-802): reply items do not look up VALUE names for
        // integer attributes yet.
        ["Tunnel-Type:1"] = "13",
        ["Tunnel-Medium-Type:1"] = "6",
        ["Tunnel-Private-Group-Id:1"] = "42",
        ["Tunnel-Password:1"] = TunnelPassword,
        ["MS-Primary-DNS-Server"] = "192.0.2.53",
    };

    internal static readonly TestUser[] Users =
    [
        new("pap-user", "pap-password"),
        new("chap-user", "chap-password"),
        new("mschap-user", "mschap-password"),
        new("mschapv2-user", "mschapv2-password"),
        new("alice", "alice-password", RichReply),
        new("blast-user", "blast-password"),
        new("nas-user", "nas-password"),
        new("dedup-accept", "dedup-accept-password", RichReply),
        new("dedup-lock", "dedup-lock-password"),
    ];

    internal RadiusCluster Cluster { get; } = new("e2e-main");

    internal RadiusNode Gateway(int number) => Cluster.Gateways[number - 1];

    public async Task InitializeAsync()
    {
        await Cluster.StartRedisAsync();
        Cluster.Configure("cluster.json", Users);
        await Cluster.StartAsync(silos: 2, gateways: 2);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
