using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Radius.Grains.Accounting;
using Orleans.Radius.Grains.Options;
using Orleans.Reminders;

namespace Orleans.Radius.Grains.Tests.Accounting;

/// <summary>
/// A cluster with in-memory reminders allowed down to one second, the in-memory store on the manual clock,
/// a reaper ticking every second, no stale grace and a short retention, so the reaper and the retention
/// purge run within a test.
/// </summary>
public sealed class AccountingClusterFixture : ClusterFixture
{
    public static readonly TimeSpan Retention = TimeSpan.FromSeconds(3);

    public AccountingClusterFixture()
    {
        Store = new(Microsoft.Extensions.Options.Options.Create(new AccountingOptions()), Clock);
        Faulty = new(Store);
    }

    public InMemoryAccountingStore Store { get; }

    /// <summary>Makes the next commit fail before or after it is applied, as a lost connection would.</summary>
    public FaultyStore Faulty { get; }

    /// <summary>What was exported for one session, in order.</summary>
    public IReadOnlyList<AccountingExportRecord> ExportedFor(string sessionId) =>
        [.. Store.Entries.Where(entry => entry.SessionId == sessionId)];

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.UseInMemoryReminderService();
        silo.Services.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));

        // Reminders fire on real time; the grains judge staleness on the manual clock the test moves.
        silo.Services.AddKeyedSingleton(ReminderTimeProviderNames.Reminders, TimeProvider.System);
        silo.Services.AddSingleton<IAccountingStore>(Faulty);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Accounting:StaleGrace"] = "00:00:00",
                ["Accounting:Retention"] = "00:00:03",
                ["Accounting:ReaperInterval"] = "00:00:01",
            })
            .Build();
        silo.Services.AddRadiusAccounting(configuration);
    }

    protected override void Configure(DedupOptions options)
    {
    }

    protected override void Configure(LockoutOptions options)
    {
    }
}

/// <summary>Tests on <see cref="AccountingClusterFixture"/>; one at a time because they share its clock.</summary>
[CollectionDefinition(Name)]
public sealed class AccountingClusterCollection : ICollectionFixture<AccountingClusterFixture>
{
    public const string Name = "accounting cluster";
}

/// <summary>Wraps a store; when armed, the next commit fails before it is applied, or is applied and its reply lost.</summary>
public sealed class FaultyStore(IAccountingStore inner) : IAccountingStore
{
    private int _fault;

    public void FailNextCommit() => Interlocked.Exchange(ref _fault, 1);

    public void LoseNextCommitReply() => Interlocked.Exchange(ref _fault, 2);

    public async Task<CommitOutcome> CommitAsync(SessionCommit commit, CancellationToken cancellationToken = default)
    {
        var fault = Interlocked.Exchange(ref _fault, 0);
        if (fault == 1)
        {
            throw new InvalidOperationException("simulated storage failure before the commit");
        }

        var result = await inner.CommitAsync(commit, cancellationToken);
        return fault == 2 ? throw new InvalidOperationException("simulated loss of the commit's reply") : result;
    }

    public Task<StoredSession?> LoadAsync(string sessionKey, CancellationToken cancellationToken = default) =>
        inner.LoadAsync(sessionKey, cancellationToken);

    public Task ConfirmDurableAsync(CancellationToken cancellationToken = default) => inner.ConfirmDurableAsync(cancellationToken);

    public Task<IReadOnlyList<string>> ListNasSessionsAsync(string nasName, CancellationToken cancellationToken = default) =>
        inner.ListNasSessionsAsync(nasName, cancellationToken);

    public Task<IReadOnlyList<OpenSession>> ListUserSessionsAsync(string userName, CancellationToken cancellationToken = default) =>
        inner.ListUserSessionsAsync(userName, cancellationToken);

    public Task<IReadOnlyList<string>> DueSessionsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        inner.DueSessionsAsync(now, max, cancellationToken);

    public Task<long> CountOpenAsync(CancellationToken cancellationToken = default) => inner.CountOpenAsync(cancellationToken);

    public Task RescheduleAsync(string sessionKey, DateTimeOffset? staleAt, CancellationToken cancellationToken = default) =>
        inner.RescheduleAsync(sessionKey, staleAt, cancellationToken);

    public Task<bool> TryHoldAsync(string userName, int maxSessions, DateTimeOffset now, DateTimeOffset holdUntil, CancellationToken cancellationToken = default) =>
        inner.TryHoldAsync(userName, maxSessions, now, holdUntil, cancellationToken);
}
