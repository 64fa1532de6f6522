using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Radius.Grains.Accounting;
using Orleans.Radius.Grains.Options;
using Orleans.TestingHost;

namespace Orleans.Radius.Grains.Tests;

/// <summary>One in-process silo with memory storage and a manual clock, shared by the tests of a collection.</summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public ManualTimeProvider Clock { get; } = new();

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.Configure<DedupOptions>(Configure);
            silo.Services.Configure<LockoutOptions>(Configure);
            ConfigureSilo(silo);

            // The user grain asks the accounting store for Simultaneous-Use holds.
            silo.Services.TryAddSingleton<IAccountingStore, InMemoryAccountingStore>();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    protected abstract void Configure(DedupOptions options);

    protected abstract void Configure(LockoutOptions options);

    /// <summary>Adds what a collection's grains need beyond the common setup.</summary>
    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }
}

/// <summary>Dedup for 5 s with room for 4 requests per grain; lockout after 3 failures in a minute, for 5 minutes.</summary>
public sealed class DefaultClusterFixture : ClusterFixture
{
    public static readonly TimeSpan DedupWindow = TimeSpan.FromSeconds(5);
    public const int DedupCapacity = 4;
    public const int MaxFailures = 3;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    protected override void Configure(DedupOptions options)
    {
        options.Window = DedupWindow;
        options.MaxEntriesPerGrain = DedupCapacity;
    }

    protected override void Configure(LockoutOptions options)
    {
        options.MaxFailures = MaxFailures;
        options.Window = FailureWindow;
        options.Duration = LockoutDuration;
    }
}

/// <summary>Dedup switched off (a zero window); lockout at its defaults.</summary>
public sealed class NoDedupClusterFixture : ClusterFixture
{
    protected override void Configure(DedupOptions options) => options.Window = TimeSpan.Zero;

    protected override void Configure(LockoutOptions options)
    {
    }
}

/// <summary>Tests on <see cref="DefaultClusterFixture"/>; they run one at a time because they share its clock.</summary>
[CollectionDefinition(Name)]
public sealed class DefaultClusterCollection : ICollectionFixture<DefaultClusterFixture>
{
    public const string Name = "default cluster";
}

/// <summary>Tests on <see cref="NoDedupClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class NoDedupClusterCollection : ICollectionFixture<NoDedupClusterFixture>
{
    public const string Name = "cluster without dedup";
}
