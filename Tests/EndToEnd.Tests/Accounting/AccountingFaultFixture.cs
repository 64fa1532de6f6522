using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using StackExchange.Redis;

namespace Orleans.Radius.EndToEnd.Tests.Accounting;

/// <summary>A cluster of its own for the accounting test that kills a silo and a gateway under load.</summary>
public sealed class AccountingFaultFixture : IAsyncLifetime
{
    private ConnectionMultiplexer? _redis;

    internal RadiusCluster Cluster { get; } = new("e2e-accounting-faults");

    internal AccountingStream Stream => new((_redis ?? throw new InvalidOperationException("the fixture has not started")).GetDatabase());

    public async Task InitializeAsync()
    {
        await Cluster.StartRedisAsync();
        Cluster.Configure("accounting-faults.json", [], maxFailures: 0);
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

[CollectionDefinition(Name)]
public sealed class AccountingFaultCollection : ICollectionFixture<AccountingFaultFixture>
{
    public const string Name = "accounting-faults";
}
