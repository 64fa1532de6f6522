using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Radius.Grains.Accounting;
using Orleans.Radius.Tests.Support;
using StackExchange.Redis;

namespace Orleans.Radius.Grains.Tests.Accounting;

/// <summary>
/// Accounting:MinReplicas against a real primary and replica: records are acknowledged once the replica has
/// them, and refused (so the NAS retransmits) while it is gone.
/// </summary>
public sealed class ReplicaWaitTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly RedisServer _primary = new();
    private readonly RedisServer _replica = new();
    private ConnectionMultiplexer? _connection;

    public async Task InitializeAsync()
    {
        await _primary.StartAsync();
        await _replica.StartAsync(replicaOf: _primary);
        await _replica.Process.WaitForOutputAsync("MASTER <-> REPLICA sync: Finished with success", TimeSpan.FromSeconds(20));
        var configuration = ConfigurationOptions.Parse(_primary.ConnectionString);
        configuration.AsyncTimeout = 5_000;
        _connection = await ConnectionMultiplexer.ConnectAsync(configuration);
    }

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        await _replica.DisposeAsync();
        await _primary.DisposeAsync();
    }

    [Fact]
    public async Task Concurrent_commits_are_acknowledged_once_the_replica_has_them()
    {
        var store = CreateStore();

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => store.CommitAsync(Commit($"r-{i}"))));

        Assert.All(results, result => Assert.True(result.Applied));
        await using var replica = await ConnectionMultiplexer.ConnectAsync(_replica.ConnectionString);
        Assert.Equal(200, await replica.GetDatabase().StreamLengthAsync("replica-test:accounting"));
    }

    [Fact]
    public async Task Without_the_replica_a_commit_is_not_acknowledged_and_a_duplicate_is_not_either()
    {
        var store = CreateStore();
        await _replica.KillAsync();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CommitAsync(Commit("lonely")));
        Assert.Contains("0 of the 1 Valkey replicas", failure.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ConfirmDurableAsync());
    }

    private ValkeyAccountingStore CreateStore() => new(
        _connection!,
        Microsoft.Extensions.Options.Options.Create(new AccountingOptions
        {
            StreamKey = "replica-test:accounting",
            KeyPrefix = "replica-test",
            MinReplicas = 1,
            ReplicaTimeout = TimeSpan.FromMilliseconds(300),
        }),
        NullLogger<ValkeyAccountingStore>.Instance);

    private static SessionCommit Commit(string sessionId)
    {
        var session = new AccountingSessionState
        {
            Exists = true,
            NasName = "nas-replica",
            SessionId = sessionId,
            IsOpen = true,
            StartSeen = true,
            StartTime = Now,
            LastEventTime = Now,
            LastChangeAt = Now,
        };
        var export = new AccountingExportRecord(
            AccountingRecordId.Compute("nas-replica", sessionId, "start"), "nas-replica", sessionId, "Start", null, Now,
            0, 0, 0, 0, 0, null, null, null, null, null, null);
        return new SessionCommit(session.SessionKey, 0, null, session, export, Now.AddMinutes(20), null);
    }
}
