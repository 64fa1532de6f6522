using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Radius.Grains.Telemetry;
using StackExchange.Redis;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// Accounting in Valkey. A commit is one Lua script — compare the session's version, write it, append the
/// export entry unless its id is marked, move the NAS and user indexes and the stale schedule — which
/// Valkey runs atomically: a crash leaves every record either wholly taken or not at all, and concurrent
/// grains' scripts are pipelined on one connection instead of waiting on each other's round trips.
/// </summary>
public sealed partial class ValkeyAccountingStore : IAccountingStore, IDisposable
{
    // KEYS: session, stream, export marker, NAS set, stale schedule, leaving user's index, joining user's
    // index, joining user's holds. ARGV: expected version, new version, state, expire ms (0 = keep),
    // export? (1/0), marker TTL s, stream MAXLEN, session id, open? (1/0), stale deadline ms, session key,
    // leaving? (1/0), joining entry ('' = none), now ms, then the export entry's field/value pairs.
    private static readonly ValkeyScript CommitScript = new("""
        local v = redis.call('HGET', KEYS[1], 'v')
        if (v or '0') ~= ARGV[1] then return -1 end
        redis.call('HSET', KEYS[1], 'v', ARGV[2], 's', ARGV[3])
        if ARGV[4] ~= '0' then redis.call('PEXPIRE', KEYS[1], ARGV[4]) else redis.call('PERSIST', KEYS[1]) end
        local appended = 1
        if ARGV[5] == '1' then
          if redis.call('SET', KEYS[3], '1', 'NX', 'EX', ARGV[6]) then
            redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[7], '*', unpack(ARGV, 15))
          else
            appended = 0
          end
        end
        if ARGV[9] == '1' then
          redis.call('SADD', KEYS[4], ARGV[8])
          redis.call('ZADD', KEYS[5], ARGV[10], ARGV[11])
        else
          redis.call('SREM', KEYS[4], ARGV[8])
          redis.call('ZREM', KEYS[5], ARGV[11])
        end
        if ARGV[12] == '1' then redis.call('HDEL', KEYS[6], ARGV[11]) end
        if ARGV[13] ~= '' then
          if redis.call('HSET', KEYS[7], ARGV[11], ARGV[13]) == 1 then
            redis.call('ZREMRANGEBYSCORE', KEYS[8], '-inf', ARGV[14])
            redis.call('ZPOPMIN', KEYS[8])
          end
        end
        return appended
        """);

    // KEYS: user's open index, user's holds. ARGV: now ms, max sessions, hold expiry ms, hold id, key TTL ms.
    private static readonly ValkeyScript HoldScript = new("""
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
        if redis.call('HLEN', KEYS[1]) + redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then return 0 end
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
        redis.call('PEXPIRE', KEYS[2], ARGV[5])
        return 1
        """);

    private const int FixedArguments = 14;

    private readonly IConnectionMultiplexer _connection;
    private readonly bool _ownsConnection;
    private readonly AccountingKeySpace _keys;
    private readonly RedisValue _markerTtlSeconds;
    private readonly RedisValue _maxLength;
    private readonly ReplicaBarrier? _replicas;
    private readonly ILogger<ValkeyAccountingStore> _logger;

    public ValkeyAccountingStore(IConnectionMultiplexer connection, IOptions<AccountingOptions> options, ILogger<ValkeyAccountingStore> logger)
        : this(connection, ownsConnection: false, options, logger)
    {
    }

    internal ValkeyAccountingStore(IConnectionMultiplexer connection, bool ownsConnection, IOptions<AccountingOptions> options, ILogger<ValkeyAccountingStore> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _connection = connection;
        _ownsConnection = ownsConnection;
        _keys = new AccountingKeySpace(value);
        _markerTtlSeconds = Number((long)Math.Ceiling(value.ExportedKeyTtl.TotalSeconds));
        _maxLength = Number(value.StreamMaxLength);
        _replicas = value.MinReplicas > 0 ? new ReplicaBarrier(connection, value.MinReplicas, value.ReplicaTimeout) : null;
        _logger = logger;
    }

    /// <summary>The key of the marker that says <paramref name="recordId"/> was exported.</summary>
    public string MarkerKey(string recordId) => _keys.Exported(recordId);

    public async Task<StoredSession?> LoadAsync(string sessionKey, CancellationToken cancellationToken = default)
    {
        var fields = await RunAsync("accounting_load", db => db.HashGetAsync(_keys.Session(sessionKey), ["v", "s"]), sessionKey);
        if (fields[0].IsNull || fields[1].IsNull)
        {
            return null;
        }

        var state = JsonSerializer.Deserialize((byte[])fields[1]!, AccountingJson.Default.AccountingSessionState)
            ?? throw new InvalidOperationException($"accounting session {sessionKey} is stored as null");
        return new StoredSession(state, (long)fields[0]);
    }

    public async Task<CommitResult> CommitAsync(SessionCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var next = commit.Next;
        var leaving = commit.UserLeaving;
        var joining = commit.UserJoining;
        var fields = commit.Export?.ToFields() ?? [];
        var arguments = new RedisValue[FixedArguments + (2 * fields.Count)];
        arguments[0] = Number(commit.ExpectedVersion);
        arguments[1] = Number(commit.ExpectedVersion + 1);
        arguments[2] = JsonSerializer.SerializeToUtf8Bytes(next, AccountingJson.Default.AccountingSessionState);
        arguments[3] = commit.ExpireAfter is { } expire ? Number(Math.Max(1, (long)expire.TotalMilliseconds)) : "0";
        arguments[4] = commit.Export is null ? "0" : "1";
        arguments[5] = _markerTtlSeconds;
        arguments[6] = _maxLength;
        arguments[7] = next.SessionId;
        arguments[8] = next.IsOpen ? "1" : "0";
        arguments[9] = Number(commit.StaleAt?.ToUnixTimeMilliseconds() ?? 0);
        arguments[10] = commit.SessionKey;
        arguments[11] = leaving is null ? "0" : "1";
        arguments[12] = joining is null ? "" : JsonSerializer.SerializeToUtf8Bytes(commit.OpenEntry, AccountingJson.Default.OpenSession);
        arguments[13] = Number(next.LastChangeAt.ToUnixTimeMilliseconds());
        for (var i = 0; i < fields.Count; i++)
        {
            arguments[FixedArguments + (2 * i)] = fields[i].Key;
            arguments[FixedArguments + 1 + (2 * i)] = fields[i].Value;
        }

        RedisKey[] keys =
        [
            _keys.Session(commit.SessionKey),
            _keys.Stream,
            commit.Export is { } export ? _keys.Exported(export.RecordId) : _keys.Exported("-"),
            _keys.NasOpen(next.NasName),
            _keys.Stale,
            _keys.UserOpen(leaving ?? ""),
            _keys.UserOpen(joining ?? ""),
            _keys.UserHolds(joining ?? ""),
        ];
        var result = (long)await RunAsync("accounting_commit", db => CommitScript.EvaluateAsync(db, keys, arguments), commit.SessionKey);
        if (_replicas is not null && result >= 0)
        {
            await _replicas.WaitAsync();
        }

        return result switch
        {
            1 => CommitResult.Applied,
            0 => CommitResult.AppliedAlreadyExported,
            _ => CommitResult.Conflict,
        };
    }

    public Task ConfirmDurableAsync(CancellationToken cancellationToken = default) => _replicas?.WaitAsync() ?? Task.CompletedTask;

    public async Task<IReadOnlyList<string>> ListNasSessionsAsync(string nasName, CancellationToken cancellationToken = default)
    {
        var members = await RunAsync("accounting_nas_sessions", db => db.SetMembersAsync(_keys.NasOpen(nasName)), nasName);
        return [.. members.Select(member => (string)member!).Order(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<OpenSession>> ListUserSessionsAsync(string userName, CancellationToken cancellationToken = default)
    {
        var entries = await RunAsync("accounting_user_sessions", db => db.HashValuesAsync(_keys.UserOpen(userName)), userName);
        return [.. entries
            .Select(entry => JsonSerializer.Deserialize((byte[])entry!, AccountingJson.Default.OpenSession))
            .OfType<OpenSession>()
            .OrderBy(session => session.StartTime)];
    }

    public async Task<IReadOnlyList<string>> DueSessionsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        var due = await RunAsync(
            "accounting_due",
            db => db.SortedSetRangeByScoreAsync(_keys.Stale, double.NegativeInfinity, now.ToUnixTimeMilliseconds(), take: max),
            "stale schedule");
        return [.. due.Select(member => (string)member!)];
    }

    public Task<long> CountOpenAsync(CancellationToken cancellationToken = default) =>
        RunAsync("accounting_count", db => db.SortedSetLengthAsync(_keys.Stale), "stale schedule");

    public Task RescheduleAsync(string sessionKey, DateTimeOffset? staleAt, CancellationToken cancellationToken = default) =>
        RunAsync("accounting_reschedule", db => staleAt is { } at
            ? db.SortedSetAddAsync(_keys.Stale, sessionKey, at.ToUnixTimeMilliseconds())
            : db.SortedSetRemoveAsync(_keys.Stale, sessionKey), sessionKey);

    public async Task<bool> TryHoldAsync(string userName, int maxSessions, DateTimeOffset now, DateTimeOffset holdUntil, CancellationToken cancellationToken = default)
    {
        var holdFor = holdUntil - now;
        RedisValue[] arguments =
        [
            Number(now.ToUnixTimeMilliseconds()),
            Number(maxSessions),
            Number(holdUntil.ToUnixTimeMilliseconds()),
            Guid.NewGuid().ToString("N"),

            // The holds key outlives its last hold by a margin, so it never lingers for an idle user.
            Number(Math.Max(1_000, (long)(2 * holdFor.TotalMilliseconds))),
        ];
        var held = await RunAsync("accounting_hold", db => HoldScript.EvaluateAsync(db, [_keys.UserOpen(userName), _keys.UserHolds(userName)], arguments), userName);
        return (long)held == 1;
    }

    public void Dispose()
    {
        if (_ownsConnection)
        {
            _connection.Dispose();
        }
    }

    private static RedisValue Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<T> RunAsync<T>(string name, Func<IDatabase, Task<T>> operation, string subject)
    {
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var result = await operation(_connection.GetDatabase());
            succeeded = true;
            return result;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // A plain exception crosses the grain boundary; a client without StackExchange.Redis could not
            // deserialize the original and would wait out its response timeout instead of retrying.
            Log.OperationFailed(_logger, exception, subject);
            throw new InvalidOperationException($"accounting storage in Valkey failed: {exception.Message}");
        }
        finally
        {
            GrainMetrics.ValkeyOperation(name, started, succeeded);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Accounting storage operation for {Subject} failed in Valkey")]
        public static partial void OperationFailed(ILogger logger, Exception exception, string subject);
    }
}
