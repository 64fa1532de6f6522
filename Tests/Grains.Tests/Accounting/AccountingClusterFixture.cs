using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Radius.Grains.Accounting;
using Orleans.Radius.Grains.Options;
using Orleans.Reminders;

namespace Orleans.Radius.Grains.Tests.Accounting;

/// <summary>
/// A cluster with in-memory reminders allowed down to one second, the in-memory exporter, no stale grace
/// and a short retention, so the reaper and the retention purge run within a test.
/// </summary>
public sealed class AccountingClusterFixture : ClusterFixture
{
    public static readonly TimeSpan Retention = TimeSpan.FromSeconds(3);

    public InMemoryAccountingExporter Exporter { get; } = new(Microsoft.Extensions.Options.Options.Create(new AccountingOptions()));

    /// <summary>Makes the next export append and then fail, as if the silo died before the grain's state write.</summary>
    public CrashingExporter Crashing { get; }

    public AccountingClusterFixture() => Crashing = new(Exporter);

    /// <summary>What was exported for one session, in order.</summary>
    public IReadOnlyList<AccountingExportRecord> ExportedFor(string sessionId) =>
        [.. Exporter.Entries.Where(entry => entry.SessionId == sessionId)];

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.UseInMemoryReminderService();
        silo.Services.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));

        // Reminders fire on real time; the grains judge staleness on the manual clock the test moves.
        silo.Services.AddKeyedSingleton(ReminderTimeProviderNames.Reminders, TimeProvider.System);
        silo.Services.AddSingleton<IAccountingExporter>(Crashing);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Accounting:StaleGrace"] = "00:00:00",
                ["Accounting:Retention"] = "00:00:03",
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

/// <summary>Wraps an exporter; when armed, the next export is appended and then reported as a crash.</summary>
public sealed class CrashingExporter(IAccountingExporter inner) : IAccountingExporter
{
    private int _armed;

    public void CrashAfterNextExport() => Interlocked.Exchange(ref _armed, 1);

    public async Task<bool> ExportAsync(AccountingExportRecord record, CancellationToken cancellationToken = default)
    {
        var appended = await inner.ExportAsync(record, cancellationToken);
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            throw new InvalidOperationException("simulated crash between the export and the state write");
        }

        return appended;
    }
}
