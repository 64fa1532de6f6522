using Orleans.Radius.EndToEnd.Tests.Infrastructure;

namespace Orleans.Radius.EndToEnd.Tests.Operations;

/// <summary>
/// One silo and one stand-alone gateway over their own redis-server, in the default fail-closed outage mode,
/// with a health token and an admin token set. Shared by the health, metrics, dashboard and fail-closed tests,
/// which run one after another and each leave the cluster healthy.
/// </summary>
public sealed class OperationsFixture : IAsyncLifetime
{
    public const string HealthToken = "health-token-for-e2e-0123";
    public const string AdminToken = "admin-token-for-e2e-456789";

    internal static readonly TestUser[] Users =
    [
        new("ops-metrics", "ops-metrics-password"),
        new("ops-health", "ops-health-password"),
        new("ops-outage", "ops-outage-password"),
    ];

    internal RadiusCluster Cluster { get; } = new("e2e-operations");

    internal RadiusNode Silo => Cluster.Silos[0];

    internal RadiusNode Gateway => Cluster.Gateways[0];

    public async Task InitializeAsync()
    {
        await Cluster.StartRedisAsync();
        // Lockout off: the metrics test sends rejects by the dozen.
        Cluster.Configure("operations.json", Users, maxFailures: 0, settings: new Dictionary<string, string>
        {
            ["Health:Token"] = HealthToken,
            ["Admin:Token"] = AdminToken,
            ["Dashboard:Enabled"] = "true",
        });
        await Cluster.StartAsync(silos: 1, gateways: 1);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class OperationsCollection : ICollectionFixture<OperationsFixture>
{
    public const string Name = "operations";
}
