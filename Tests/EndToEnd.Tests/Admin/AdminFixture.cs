using Orleans.Radius.EndToEnd.Tests.Infrastructure;

namespace Orleans.Radius.EndToEnd.Tests.Admin;

/// <summary>
/// One silo with an admin token and one stand-alone gateway over a redis-server of their own. CoA answers are
/// awaited for 0.5 s per attempt so the timeout case stays short.
/// </summary>
public sealed class AdminFixture : IAsyncLifetime
{
    public const string Token = "e2e-admin-token-0123456789";
    public const string LockedUser = "admin-locked";
    public const string LockedPassword = "admin-locked-password";

    internal RadiusCluster Cluster { get; } = new("e2e-admin");

    internal RadiusNode Silo => Cluster.Silos[0];

    internal RadiusNode Gateway => Cluster.Gateways[0];

    internal AdminClient Api => new(Silo.BaseAddress, Token);

    public async Task InitializeAsync()
    {
        await Cluster.StartRedisAsync();
        Cluster.Configure("admin.json", [new TestUser(LockedUser, LockedPassword)], maxFailures: 2, settings: new Dictionary<string, string>
        {
            ["Admin:Token"] = Token,
            ["Admin:CoaTimeout"] = "00:00:00.5",
            ["Admin:CoaAttempts"] = "2",
        });
        await Cluster.StartAsync(silos: 1, gateways: 1);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AdminCollection : ICollectionFixture<AdminFixture>
{
    public const string Name = "admin";
}
