using Orleans.Radius.EndToEnd.Tests.Infrastructure;

namespace Orleans.Radius.EndToEnd.Tests.Operations;

/// <summary>One silo and one gateway with <c>Valkey:OnOutage</c> = serve-degraded, over their own redis-server.</summary>
public sealed class DegradedFixture : IAsyncLifetime
{
    internal static readonly TestUser[] Users =
    [
        new("warm-user", "warm-password"),
        new("cold-user", "cold-password"),
    ];

    internal RadiusCluster Cluster { get; } = new("e2e-degraded");

    internal RadiusNode Silo => Cluster.Silos[0];

    internal RadiusNode Gateway => Cluster.Gateways[0];

    public async Task InitializeAsync()
    {
        await Cluster.StartRedisAsync();
        Cluster.Configure("degraded.json", Users, maxFailures: 3, settings: new Dictionary<string, string>
        {
            ["Valkey:OnOutage"] = "serve-degraded",
        });
        await Cluster.StartAsync(silos: 1, gateways: 1);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DegradedCollection : ICollectionFixture<DegradedFixture>
{
    public const string Name = "degraded";
}
