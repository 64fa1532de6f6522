using System.Globalization;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;

namespace Orleans.Radius.EndToEnd.Tests.Failover;

/// <summary>
/// A cluster of its own for the tests that kill processes: two silos and two gateways, replaced before each
/// test as needed. Users user0000–user0199 are the ones radload logs in as.
/// </summary>
public sealed class FailoverFixture : IAsyncLifetime
{
    public const int LoadUsers = 200;
    public const string Survivor = "survivor";
    public const string SurvivorPassword = "survivor-password";

    internal RadiusCluster Cluster { get; } = new("e2e-failover");

    internal static IEnumerable<TestUser> LoadUserList() =>
        Enumerable.Range(0, LoadUsers).Select(i => new TestUser(
            string.Create(CultureInfo.InvariantCulture, $"user{i:D4}"), string.Create(CultureInfo.InvariantCulture, $"pass{i:D4}")));

    public async Task InitializeAsync()
    {
        await Cluster.StartRedisAsync();
        // Lockout stays out of the way of load tests: radload never sends a wrong password.
        // The dashboard tells where the users' grains live.
        Cluster.Configure(
            "first-run.json", LoadUserList().Append(new TestUser(Survivor, SurvivorPassword)), maxFailures: 0,
            settings: new Dictionary<string, string> { ["Dashboard:Enabled"] = "true" });
        await Cluster.StartAsync(silos: 2, gateways: 2);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class FailoverCollection : ICollectionFixture<FailoverFixture>
{
    public const string Name = "failover";
}
