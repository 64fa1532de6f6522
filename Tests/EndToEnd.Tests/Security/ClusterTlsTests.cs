using Orleans.Radius.EndToEnd.Tests.Infrastructure;

namespace Orleans.Radius.EndToEnd.Tests.Security;

/// <summary>
/// Cluster:Tls with real processes: two silos and a gateway on mutual TLS serve requests, and a gateway
/// whose certificate comes from another CA is refused by the silos and never becomes ready.
/// </summary>
public sealed class ClusterTlsTests : IAsyncLifetime
{
    private static readonly TestUser User = new("tls-user", "tls-password");
    private readonly RadiusCluster _cluster = new("e2e-cluster-tls");
    private readonly string _directory = Directory.CreateTempSubdirectory("radius-pki-").FullName;
    private EapPki? _pki;

    public async Task InitializeAsync()
    {
        _pki = new EapPki(_directory);
        await _cluster.StartRedisAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _pki?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Nodes_with_certificates_of_the_cluster_ca_serve_and_a_node_of_another_ca_is_refused()
    {
        _cluster.Configure("tls.json", [User], settings: Settings(_pki!.Node("node")));
        await _cluster.StartAsync(silos: 2, gateways: 1);

        var accepted = await Radclient.RadtestAsync("pap", User.UserName, User.Password, _cluster.Gateways[0].AuthServer);
        Assert.True(accepted.ExitCode == 0, accepted.Output + _cluster.Output());
        Assert.StartsWith("Received Access-Accept", Radclient.SingleReply(accepted)[0], StringComparison.Ordinal);

        const string Refusal = "The remote certificate was rejected";
        Assert.DoesNotContain(Refusal, _cluster.Output(), StringComparison.Ordinal);

        // Same CA file (so it would trust the silos), but its own certificate is not from the cluster CA.
        _cluster.Configure("rogue.json", [User], settings: Settings(_pki.Node("intruder", trusted: false)));
        await using var intruder = RadiusNode.StartGateway("intruder", _cluster.ConfigPath);
        await Task.WhenAny(_cluster.Silos.Select(silo => silo.Process.WaitForOutputAsync(Refusal, TimeSpan.FromSeconds(60))));
        Assert.Contains(Refusal, _cluster.Output(), StringComparison.Ordinal);

        // Refused at every attempt: it cannot complete the grain round trip its readiness needs.
        await Assert.ThrowsAsync<TimeoutException>(() => intruder.WaitReadyAsync(TimeSpan.FromSeconds(5)));
    }

    private Dictionary<string, string> Settings(PemPair node) => new()
    {
        ["Cluster:Tls:CertificateFile"] = node.CertificateFile,
        ["Cluster:Tls:KeyFile"] = node.KeyFile,
        ["Cluster:Tls:CaFile"] = _pki!.CaFile,
    };
}
