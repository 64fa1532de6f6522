using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using StackExchange.Redis;

namespace Orleans.Radius.EndToEnd.Tests.Accounting;

/// <summary>
/// Two silos and two gateways for the accounting tests, with the reaper's deadlines shortened to seconds:
/// a session that announces Acct-Interim-Interval = 1 is stale 3 s after its last update, while sessions
/// without one keep the default interval of minutes and are never reaped during a test.
/// </summary>
public sealed class AccountingFixture : IAsyncLifetime
{
    public const string LimitedUser = "single-session";
    public const string LimitedPassword = "single-session-password";

    internal static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Accounting:StaleGrace"] = "00:00:02",
        ["Accounting:StaleMultiplier"] = "1",
        ["Reminders:MinimumReminderPeriod"] = "00:00:01",
        ["SimultaneousUse:ReservationHold"] = "00:00:02",
    };

    private ConnectionMultiplexer? _redis;

    internal RadiusCluster Cluster { get; } = new("e2e-accounting");

    internal AccountingStream Stream => new((_redis ?? throw new InvalidOperationException("the fixture has not started")).GetDatabase());

    internal RadiusNode Gateway(int number) => Cluster.Gateways[number - 1];

    public async Task InitializeAsync()
    {
        await Cluster.StartRedisAsync();
        Cluster.Configure("accounting.json", [new TestUser(LimitedUser, LimitedPassword, MaxSessions: 1)], settings: Settings);
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
public sealed class AccountingCollection : ICollectionFixture<AccountingFixture>
{
    public const string Name = "accounting";
}
