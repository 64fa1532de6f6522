using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using StackExchange.Redis;

namespace Orleans.Radius.EndToEnd.Tests.Accounting;

/// <summary>
/// Two silos and two gateways on a redis-server of their own, plus a connection for reading the
/// accounting stream; subclasses say how the nodes are configured.
/// </summary>
public abstract class AccountingClusterFixture(string clusterId) : IAsyncLifetime
{
    private ConnectionMultiplexer? _redis;

    internal RadiusCluster Cluster { get; } = new(clusterId);

    internal AccountingStream Stream => new((_redis ?? throw new InvalidOperationException("the fixture has not started")).GetDatabase());

    internal RadiusNode Gateway(int number) => Cluster.Gateways[number - 1];

    /// <summary>Writes the configuration the nodes start with (<see cref="RadiusCluster.Configure"/>).</summary>
    private protected abstract void Configure(RadiusCluster cluster);

    public async Task InitializeAsync()
    {
        await Cluster.StartRedisAsync();
        Configure(Cluster);
        await Cluster.StartAsync(silos: 2, gateways: 2);
        _redis = await ConnectionMultiplexer.ConnectAsync(Cluster.Redis.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        await Cluster.DisposeAsync();
    }
}
