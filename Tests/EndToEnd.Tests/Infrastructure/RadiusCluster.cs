using Orleans.Radius.Tests.Support;

namespace Orleans.Radius.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real cluster on loopback: one redis-server (standing in for Valkey), silo and gateway processes that
/// read one shared configuration file, each waited on through <c>/health/ready</c>.
/// </summary>
internal sealed class RadiusCluster : IAsyncDisposable
{
    // Two silos on two shared cores have been seen to take over 20 s; readiness is awaited, never assumed.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly string _directory = Directory.CreateTempSubdirectory("radius-e2e-").FullName;
    private readonly List<RadiusNode> _started = [];
    private int _nodeNumber;

    public RadiusCluster(string clusterId)
    {
        ClusterId = clusterId;
    }

    public string ClusterId { get; }

    public string ServiceId => "radius-e2e";

    public RedisServer Redis { get; } = new();

    public string ConfigPath { get; private set; } = "";

    public List<RadiusNode> Silos { get; } = [];

    public List<RadiusNode> Gateways { get; } = [];

    /// <summary>The hash Orleans keeps the membership table in.</summary>
    public string MembershipKey => $"{ServiceId}/members/{ClusterId}";

    public Task StartRedisAsync() => Redis.StartAsync();

    /// <summary>Writes the configuration the next nodes start with (earlier nodes keep theirs).</summary>
    public void Configure(string name, IEnumerable<TestUser> users, int maxFailures = 2, int requestsPerSecond = 0, IReadOnlyDictionary<string, string>? settings = null) =>
        ConfigPath = ClusterConfigFile.Write(_directory, name, Redis.ConnectionString, ClusterId, ServiceId, users, maxFailures, requestsPerSecond, settings);

    /// <summary>Starts silos and gateways together and waits until every one of them is ready.</summary>
    public async Task<IReadOnlyList<RadiusNode>> StartAsync(int silos, int gateways)
    {
        var nodes = new List<RadiusNode>();
        for (var i = 0; i < silos; i++)
        {
            nodes.Add(Track(RadiusNode.StartSilo($"silo-{Interlocked.Increment(ref _nodeNumber)}", ConfigPath), Silos));
        }

        for (var i = 0; i < gateways; i++)
        {
            nodes.Add(Track(RadiusNode.StartGateway($"gateway-{Interlocked.Increment(ref _nodeNumber)}", ConfigPath), Gateways));
        }

        await Task.WhenAll(nodes.Select(node => node.WaitReadyAsync(ReadyTimeout)));
        return nodes;
    }

    /// <summary>Starts replacements until there are <paramref name="silos"/> live silos and <paramref name="gateways"/> live gateways.</summary>
    public Task EnsureAsync(int silos, int gateways) =>
        StartAsync(Math.Max(0, silos - Live(Silos).Count), Math.Max(0, gateways - Live(Gateways).Count));

    public static List<RadiusNode> Live(List<RadiusNode> nodes) => [.. nodes.Where(node => !node.Process.HasExited)];

    /// <summary>kill -9 and forget the node, so the next <see cref="EnsureAsync"/> replaces it.</summary>
    public async Task KillAsync(RadiusNode node)
    {
        await node.KillAsync();
        Silos.Remove(node);
        Gateways.Remove(node);
    }

    /// <summary>Everything the cluster's processes printed, for failure messages.</summary>
    public string Output() =>
        string.Join("\n", _started.Select(node => $"===== {node.Name} =====\n{Tail(node.Process.Output)}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _started)
        {
            await node.DisposeAsync();
        }

        await Redis.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean: nothing in it outlives the run.
        }
    }

    private static string Tail(string output) => output.Length <= 6000 ? output : "…" + output[^6000..];

    private RadiusNode Track(RadiusNode node, List<RadiusNode> list)
    {
        _started.Add(node);
        list.Add(node);
        return node;
    }
}
