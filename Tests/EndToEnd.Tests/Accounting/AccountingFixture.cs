using Orleans.Radius.EndToEnd.Tests.Infrastructure;

namespace Orleans.Radius.EndToEnd.Tests.Accounting;

/// <summary>
/// Two silos and two gateways for the accounting tests, with the reaper's deadlines shortened to seconds:
/// a session that announces Acct-Interim-Interval = 1 is stale 3 s after its last update, while sessions
/// without one keep the default interval of minutes and are never reaped during a test.
/// </summary>
public sealed class AccountingFixture() : AccountingClusterFixture("e2e-accounting")
{
    public const string LimitedUser = "single-session";
    public const string LimitedPassword = "single-session-password";

    internal static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Accounting:StaleGrace"] = "00:00:02",
        ["Accounting:StaleMultiplier"] = "1",
        ["Reminders:MinimumReminderPeriod"] = "00:00:01",
        ["Accounting:ReaperInterval"] = "00:00:01",
        ["SimultaneousUse:ReservationHold"] = "00:00:02",
    };

    private protected override void Configure(RadiusCluster cluster) =>
        cluster.Configure("accounting.json", [new TestUser(LimitedUser, LimitedPassword, MaxSessions: 1)], settings: Settings);
}

[CollectionDefinition(Name)]
public sealed class AccountingCollection : ICollectionFixture<AccountingFixture>
{
    public const string Name = "accounting";
}
