using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Radius.Grains.Accounting;
using Orleans.Radius.Tests.Support;
using StackExchange.Redis;

namespace Orleans.Radius.Grains.Tests.Accounting;

/// <summary>
/// The Valkey store against a real redis-server: one atomic commit per record, exactly once per record id,
/// and the indexes, schedule and holds moving with it.
/// </summary>
public sealed class ValkeyAccountingStoreTests : IAsyncLifetime
{
    private const string StreamKey = "test:accounting";
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 10, 0, TimeSpan.Zero);
    private readonly RedisServer _server = new();
    private readonly List<ConnectionMultiplexer> _connections = [];

    private ConnectionMultiplexer? _reader;

    public async Task InitializeAsync()
    {
        await _server.StartAsync();
        _reader = await ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_start_commit_stores_the_session_its_indexes_its_deadline_and_one_export_entry()
    {
        var store = await CreateStoreAsync();
        var start = Open("s-1", "alice");

        Assert.True((await store.CommitAsync(Commit(start, version: 0, previous: null, "start"))).Applied);

        var stored = await store.LoadAsync(start.SessionKey);
        Assert.Equal(1, stored!.Version);
        Assert.Equal(start.ToView(), stored.State.ToView());
        Assert.Equal(["s-1"], await store.ListNasSessionsAsync("nas-valkey"));
        Assert.Equal([new OpenSession("nas-valkey", "s-1", Now, "10.0.0.7")], await store.ListUserSessionsAsync("alice"));
        Assert.Equal([start.SessionKey], await store.DueSessionsAsync(Now.AddMinutes(21), 10));
        Assert.Empty(await store.DueSessionsAsync(Now.AddMinutes(19), 10));
        Assert.Equal(1, await Database.StreamLengthAsync(StreamKey));
        Assert.Null(await Database.KeyTimeToLiveAsync("test:acct:session:" + start.SessionKey));
    }

    [Fact]
    public async Task A_stop_commit_clears_the_indexes_and_the_deadline_and_keeps_the_state_for_the_retention()
    {
        var store = await CreateStoreAsync();
        var start = Open("s-2", "bob");
        await store.CommitAsync(Commit(start, version: 0, previous: null, "start"));
        var stop = Closed(start);

        Assert.True((await store.CommitAsync(Commit(stop, version: 1, previous: start, "stop"))).Applied);

        Assert.Empty(await store.ListNasSessionsAsync("nas-valkey"));
        Assert.Empty(await store.ListUserSessionsAsync("bob"));
        Assert.Empty(await store.DueSessionsAsync(Now.AddDays(1), 10));
        Assert.False((await store.LoadAsync(start.SessionKey))!.State.IsOpen);
        var ttl = await Database.KeyTimeToLiveAsync("test:acct:session:" + start.SessionKey);
        Assert.InRange(ttl!.Value, TimeSpan.FromHours(23.9), TimeSpan.FromDays(1));
        Assert.Equal(2, await Database.StreamLengthAsync(StreamKey));
    }

    [Fact]
    public async Task A_session_closed_before_its_start_keeps_its_first_expiry_and_a_reopened_one_loses_it()
    {
        var store = await CreateStoreAsync();
        var key = "test:acct:session:nas-valkey|s-10";

        // The Stop arrived first: the session is created closed, with the retention.
        var stop = Closed(Open("s-10", "jack"));
        stop.StartSeen = false;
        await store.CommitAsync(Commit(stop, version: 0, previous: null, "stop"));
        var expiry = await Database.KeyTimeToLiveAsync(key);
        Assert.NotNull(expiry);

        // Its Start: still closed, the expiry stays as the Stop set it and no index names it.
        var started = stop.Copy();
        started.StartSeen = true;
        Assert.True((await store.CommitAsync(Commit(started, version: 1, previous: stop, "start"))).Applied);
        Assert.NotNull(await Database.KeyTimeToLiveAsync(key));
        Assert.Empty(await store.ListNasSessionsAsync("nas-valkey"));
        Assert.Empty(await store.DueSessionsAsync(Now.AddDays(1), 10));

        // An Interim-Update reopens it (the NAS still has it): kept for good and indexed again.
        var reopened = Open("s-10", "jack");
        Assert.True((await store.CommitAsync(Commit(reopened, version: 2, previous: started, "interim"))).Applied);
        Assert.Null(await Database.KeyTimeToLiveAsync(key));
        Assert.Equal(["s-10"], await store.ListNasSessionsAsync("nas-valkey"));
        Assert.Equal([new OpenSession("nas-valkey", "s-10", Now, "10.0.0.7")], await store.ListUserSessionsAsync("jack"));
    }

    [Fact]
    public async Task A_commit_replayed_after_a_lost_reply_is_refused_whole()
    {
        // The first silo's commit landed but its reply was lost with its connection.
        var start = Open("s-3", "carol");
        var dying = await CreateStoreAsync();
        await dying.CommitAsync(Commit(start, version: 0, previous: null, "start"));
        await _connections[^1].CloseAsync();

        // Another activation, not knowing, tries the same record as if nothing were stored.
        var survivor = await CreateStoreAsync();
        var refused = await survivor.CommitAsync(Commit(start, version: 0, previous: null, "start"));

        // Refused whole, and told what is stored, so it can decide again without reading.
        Assert.False(refused.Applied);
        Assert.Equal(1, refused.Current!.Version);
        Assert.Equal(start.ToView(), refused.Current.State.ToView());
        Assert.Equal(1, await Database.StreamLengthAsync(StreamKey));
    }

    [Fact]
    public async Task Concurrent_commits_share_script_calls_and_each_gets_its_own_outcome()
    {
        var store = await CreateStoreAsync();
        var stored = Enumerable.Range(0, 100).Select(i => Open($"old-{i}", "ida")).ToList();
        foreach (var session in stored)
        {
            await store.CommitAsync(Commit(session, version: 0, previous: null, "start"));
        }

        var callsBefore = await ScriptCallsAsync();

        // 100 new sessions, and 100 commits that expect nothing stored where something is.
        var fresh = Enumerable.Range(0, 100).Select(i => Open($"new-{i}", "ida")).ToList();
        var outcomes = await Task.WhenAll(fresh.Concat(stored).Select(session =>
            store.CommitAsync(Commit(session, version: 0, previous: null, "start"))));

        Assert.All(outcomes.Take(100), outcome => Assert.True(outcome.Applied));
        Assert.All(outcomes.Skip(100).Zip(stored), pair =>
        {
            Assert.False(pair.First.Applied);
            Assert.Equal(pair.Second.SessionId, pair.First.Current!.State.SessionId);
        });
        Assert.Equal(200, await Database.StreamLengthAsync(StreamKey));
        Assert.InRange(await ScriptCallsAsync() - callsBefore, 1, 199);
    }

    [Fact]
    public async Task The_stream_entry_holds_the_flat_record()
    {
        var store = await CreateStoreAsync();
        var stop = Closed(Open("s-5", "erin"));
        var commit = Commit(stop, version: 0, previous: null, "stop");

        await store.CommitAsync(commit);

        var entry = Assert.Single(await Database.StreamRangeAsync(StreamKey));
        Assert.Equal(
            commit.Export!.ToFields().Select(field => (field.Key, field.Value)),
            entry.Values.Select(field => ((string)field.Name!, (string)field.Value!)));
        Assert.Equal("4294967301", entry["input_octets"]);
        Assert.Equal("2025-03-01T12:10:00Z", entry["event_time"]);
    }

    [Fact]
    public async Task The_stream_is_trimmed_near_its_maximum_length()
    {
        var store = await CreateStoreAsync(maxLength: 100);

        await Task.WhenAll(Enumerable.Range(0, 1_000).Select(i =>
            store.CommitAsync(Commit(Open($"trim-{i}", null), version: 0, previous: null, "start"))));

        // MAXLEN ~ trims whole macro nodes (100 entries by default), so the length stays near the bound.
        Assert.InRange(await Database.StreamLengthAsync(StreamKey), 100, 300);
    }

    [Fact]
    public async Task Holds_count_with_open_sessions_and_a_start_releases_the_oldest()
    {
        var store = await CreateStoreAsync();
        var until = Now.AddSeconds(10);

        Assert.True(await store.TryHoldAsync("frank", 2, Now, until));
        Assert.True(await store.TryHoldAsync("frank", 2, Now, until.AddSeconds(1)));
        Assert.False(await store.TryHoldAsync("frank", 2, Now, until));

        // A Start replaces a hold: still two counted.
        await store.CommitAsync(Commit(Open("s-6", "frank"), version: 0, previous: null, "start"));
        Assert.False(await store.TryHoldAsync("frank", 2, Now.AddSeconds(5), until));

        // The remaining hold expires; the open session still counts.
        Assert.True(await store.TryHoldAsync("frank", 2, Now.AddSeconds(12), Now.AddSeconds(22)));
        Assert.False(await store.TryHoldAsync("frank", 2, Now.AddSeconds(12), Now.AddSeconds(22)));
    }

    [Fact]
    public async Task A_server_that_forgot_the_scripts_gets_them_again()
    {
        var store = await CreateStoreAsync();
        await store.CommitAsync(Commit(Open("s-8", "hanna"), version: 0, previous: null, "start"));

        // What a restart or a failover to a replica does to the script cache.
        await Database.ExecuteAsync("SCRIPT", "FLUSH");

        Assert.True((await store.CommitAsync(Commit(Open("s-9", "hanna"), version: 0, previous: null, "start"))).Applied);
        Assert.True(await store.TryHoldAsync("hanna", 5, Now, Now.AddSeconds(10)));
        Assert.Equal(2, await Database.StreamLengthAsync(StreamKey));
    }

    [Fact]
    public async Task An_unreachable_server_fails_with_a_plain_exception()
    {
        var store = await CreateStoreAsync();
        await _server.KillAsync();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.CommitAsync(Commit(Open("s-7", "gina"), version: 0, previous: null, "start")));
        Assert.Contains("Valkey", failure.Message, StringComparison.Ordinal);
    }

    // Script calls Valkey has run (by hash or by text), from INFO commandstats.
    private async Task<long> ScriptCallsAsync()
    {
        var info = (string)(await Database.ExecuteAsync("INFO", "commandstats"))!;
        return info.Split('\n')
            .Where(line => line.StartsWith("cmdstat_evalsha:", StringComparison.Ordinal) || line.StartsWith("cmdstat_eval:", StringComparison.Ordinal))
            .Sum(line => long.Parse(line.Split("calls=")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    private IDatabase Database => (_reader ?? throw new InvalidOperationException("not initialized")).GetDatabase();

    private static AccountingSessionState Open(string sessionId, string? userName) => new()
    {
        Exists = true,
        NasName = "nas-valkey",
        SessionId = sessionId,
        UserName = userName,
        IsOpen = true,
        StartSeen = true,
        StartTime = Now,
        LastEventTime = Now,
        LastChangeAt = Now,
        InputOctets = AccountingRecord.FoldGigawords(5, 1),
        OutputOctets = 2_000,
        FramedIpAddress = "10.0.0.7",
    };

    private static AccountingSessionState Closed(AccountingSessionState open)
    {
        var closed = open.Copy();
        closed.IsOpen = false;
        closed.StopSeen = true;
        closed.ClosedBy = SessionClosedBy.Nas;
        closed.ClosedAt = Now;
        closed.TerminateCause = 1;
        closed.SessionTime = 600;
        return closed;
    }

    private static SessionCommit Commit(AccountingSessionState next, long version, AccountingSessionState? previous, string eventKey) => new(
        next.SessionKey,
        version,
        previous,
        next,
        new AccountingExportRecord(
            AccountingRecordId.Compute(next.NasName, next.SessionId, eventKey), next.NasName, next.SessionId,
            eventKey == "start" ? "Start" : "Stop", next.UserName, Now, next.SessionTime, next.InputOctets, next.OutputOctets,
            30, 40, next.FramedIpAddress, "00-11-22-33-44-55", "AA-BB:corp", 17,
            eventKey == "stop" ? 1U : null, eventKey == "stop" ? "nas" : null),
        next.IsOpen ? Now.AddMinutes(20) : null,
        next.IsOpen ? null : TimeSpan.FromDays(1));

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var configuration = ConfigurationOptions.Parse(_server.ConnectionString);
        configuration.AsyncTimeout = 2_000;
        configuration.SyncTimeout = 2_000;
        configuration.ConnectTimeout = 2_000;
        var connection = await ConnectionMultiplexer.ConnectAsync(configuration);
        _connections.Add(connection);
        return connection;
    }

    private async Task<ValkeyAccountingStore> CreateStoreAsync(long maxLength = 1_000_000)
    {
        var connection = await ConnectAsync();
        var options = Microsoft.Extensions.Options.Options.Create(new AccountingOptions { StreamKey = StreamKey, StreamMaxLength = maxLength, KeyPrefix = "test:acct" });
        return new ValkeyAccountingStore(connection, options, NullLogger<ValkeyAccountingStore>.Instance);
    }

    private async Task<int> CountAsync(string recordId) =>
        (await Database.StreamRangeAsync(StreamKey)).Count(entry => entry["record_id"] == recordId);
}
