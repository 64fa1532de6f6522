using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Radius.Grains.Telemetry;
using StackExchange.Redis;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// Accounting in Valkey. A commit — compare the session's version, write it, append the export entry, move
/// the NAS and user indexes and the stale schedule — runs inside one Lua script, which Valkey runs
/// atomically: a crash leaves every record either wholly taken or not at all. Commits that arrive while
/// others are in flight share the next script call (<see cref="CommitCoalescer"/>), and a refused commit
/// returns what is stored, so deciding again costs no extra read.
/// </summary>
public sealed partial class ValkeyAccountingStore : IAccountingStore, IDisposable
{
    private const int CommitKeys = 5;

    // Declared before the script, which is built from them (static fields initialize in order).
    private static readonly int ExportFields = AccountingExportRecord.FieldNames.Count;
    private static readonly int CommitArguments = 12 + ExportFields;

    // XADD's field/value pairs: the names from the record's schema, the values from the commit's arguments.
    private static readonly string ExportFieldPairs = string.Join(", ", AccountingExportRecord.FieldNames.Select((name, i) => $"'{name}', ARGV[a + {13 + i}]"));

    // A batch of commits, applied in order. KEYS: stream, stale schedule, then per commit: session, NAS set,
    // leaving user's index, joining user's index, joining user's holds. ARGV: stream MAXLEN, commit count,
    // then per commit (CommitArguments): expected version, new version, state, expiry (ms: expire after;
    // 'p': persist; '': as it is), export? (1/0), session id, index move ('o': opened or still open, 'c':
    // closed now, '': was and stays closed), stale deadline ms, session key, leaving? (1/0), joining entry
    // ('' = none), now ms, then the export entry's values in AccountingExportRecord.FieldNames order.
    // Only what changes is touched: every call a script makes costs Valkey about as much as a command.
    // Returns per commit 1 (applied) or {stored version, stored state} (refused: the version moved).
    private static readonly ValkeyScript CommitScript = new($$"""
        local results = {}
        for r = 0, tonumber(ARGV[2]) - 1 do
          local k = 2 + r * {{CommitKeys}}
          local a = 2 + r * {{CommitArguments}}
          local session = KEYS[k + 1]
          local v = redis.call('HGET', session, 'v') or '0'
          if v ~= ARGV[a + 1] then
            results[r + 1] = { v, redis.call('HGET', session, 's') or '' }
          else
            redis.call('HSET', session, 'v', ARGV[a + 2], 's', ARGV[a + 3])
            if ARGV[a + 4] == 'p' then redis.call('PERSIST', session) elseif ARGV[a + 4] ~= '' then redis.call('PEXPIRE', session, ARGV[a + 4]) end
            if ARGV[a + 5] == '1' then
              redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', {{ExportFieldPairs}})
            end
            if ARGV[a + 7] == 'o' then
              redis.call('SADD', KEYS[k + 2], ARGV[a + 6])
              redis.call('ZADD', KEYS[2], ARGV[a + 8], ARGV[a + 9])
            elseif ARGV[a + 7] == 'c' then
              redis.call('SREM', KEYS[k + 2], ARGV[a + 6])
              redis.call('ZREM', KEYS[2], ARGV[a + 9])
            end
            if ARGV[a + 10] == '1' then redis.call('HDEL', KEYS[k + 3], ARGV[a + 9]) end
            if ARGV[a + 11] ~= '' then
              if redis.call('HSET', KEYS[k + 4], ARGV[a + 9], ARGV[a + 11]) == 1 then
                redis.call('ZREMRANGEBYSCORE', KEYS[k + 5], '-inf', ARGV[a + 12])
                redis.call('ZPOPMIN', KEYS[k + 5])
              end
            end
            results[r + 1] = 1
          end
        end
        return results
        """);

    // KEYS: user's open index, user's holds. ARGV: now ms, max sessions, hold expiry ms, hold id, key TTL ms.
    private static readonly ValkeyScript HoldScript = new("""
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
        if redis.call('HLEN', KEYS[1]) + redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then return 0 end
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
        redis.call('PEXPIRE', KEYS[2], ARGV[5])
        return 1
        """);


    // Batches of this many commits keep a script call well under a millisecond of Valkey's time; two calls in
    // flight keep Valkey busy while the client reads one reply and writes the next.
    private const int MaxBatch = 64;
    private const int MaxInFlight = 2;

    private readonly IConnectionMultiplexer _connection;
    private readonly bool _ownsConnection;
    private readonly AccountingKeySpace _keys;
    private readonly CommitCoalescer _commits;
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
        _commits = new CommitCoalescer(SendCommitsAsync, MaxBatch, MaxInFlight);
        _maxLength = Number(value.StreamMaxLength);
        _replicas = value.MinReplicas > 0 ? new ReplicaBarrier(connection, value.MinReplicas, value.ReplicaTimeout) : null;
        _logger = logger;
    }

    public async Task<StoredSession?> LoadAsync(string sessionKey, CancellationToken cancellationToken = default)
    {
        var fields = await RunAsync("accounting_load", db => db.HashGetAsync(_keys.Session(sessionKey), ["v", "s"]), sessionKey);
        if (fields[0].IsNull || fields[1].IsNull)
        {
            return null;
        }

        return new StoredSession(Deserialize(sessionKey, (byte[])fields[1]!), (long)fields[0]);
    }

    public Task<CommitOutcome> CommitAsync(SessionCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return _commits.CommitAsync(commit);
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

    private async Task<CommitOutcome[]> SendCommitsAsync(SessionCommit[] commits)
    {
        var keys = new RedisKey[2 + (CommitKeys * commits.Length)];
        var arguments = new RedisValue[2 + (CommitArguments * commits.Length)];
        keys[0] = _keys.Stream;
        keys[1] = _keys.Stale;
        arguments[0] = _maxLength;
        arguments[1] = commits.Length;
        for (var i = 0; i < commits.Length; i++)
        {
            Describe(commits[i], keys.AsSpan(2 + (CommitKeys * i), CommitKeys), arguments.AsSpan(2 + (CommitArguments * i), CommitArguments));
        }

        var subject = commits.Length == 1 ? commits[0].SessionKey : $"{commits.Length} sessions";
        var results = (RedisResult[])(await RunAsync("accounting_commit", db => CommitScript.EvaluateAsync(db, keys, arguments), subject).ConfigureAwait(false))!;
        var outcomes = new CommitOutcome[commits.Length];
        var applied = false;
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = Outcome(commits[i].SessionKey, results[i]);
            applied |= outcomes[i].Applied;
        }

        if (_replicas is not null && applied)
        {
            await _replicas.WaitAsync().ConfigureAwait(false);
        }

        return outcomes;
    }

    private void Describe(SessionCommit commit, Span<RedisKey> keys, Span<RedisValue> arguments)
    {
        var next = commit.Next;
        var leaving = commit.UserLeaving;
        var joining = commit.UserJoining;
        keys[0] = _keys.Session(commit.SessionKey);
        keys[1] = _keys.NasOpen(next.NasName);
        keys[2] = _keys.UserOpen(leaving ?? "");
        keys[3] = _keys.UserOpen(joining ?? "");
        keys[4] = _keys.UserHolds(joining ?? "");
        arguments[0] = commit.ExpectedVersion;
        arguments[1] = commit.ExpectedVersion + 1;
        arguments[2] = JsonSerializer.SerializeToUtf8Bytes(next, AccountingJson.Default.AccountingSessionState);
        // The version check makes Previous exactly what is stored, so what it held tells what must move.
        var stored = commit.ExpectedVersion > 0 ? commit.Previous : null;
        arguments[3] = (stored, commit.ExpireAfter) switch
        {
            ({ IsOpen: false }, { }) => RedisValue.EmptyString,
            (_, { } expire) => Math.Max(1, (long)expire.TotalMilliseconds),
            ({ IsOpen: false }, null) => "p",
            _ => RedisValue.EmptyString,
        };
        arguments[4] = commit.Export is null ? 0 : 1;
        arguments[5] = next.SessionId;
        arguments[6] = next.IsOpen ? "o" : stored is { IsOpen: true } ? "c" : RedisValue.EmptyString;
        arguments[7] = commit.StaleAt?.ToUnixTimeMilliseconds() ?? 0;
        arguments[8] = commit.SessionKey;
        arguments[9] = leaving is null ? 0 : 1;
        arguments[10] = joining is null ? RedisValue.EmptyString : JsonSerializer.SerializeToUtf8Bytes(commit.OpenEntry, AccountingJson.Default.OpenSession);
        arguments[11] = next.LastChangeAt.ToUnixTimeMilliseconds();
        if (commit.Export is { } export)
        {
            var values = export.ToValues();
            for (var i = 0; i < ExportFields; i++)
            {
                arguments[12 + i] = values[i];
            }
        }
        else
        {
            arguments[12..].Fill(RedisValue.EmptyString);
        }
    }

    private static CommitOutcome Outcome(string sessionKey, RedisResult result)
    {
        if (result.Resp2Type == ResultType.Integer)
        {
            return CommitOutcome.Done;
        }

        var stored = (RedisResult[])result!;
        var version = (long)stored[0];
        var state = (byte[]?)stored[1];
        if (version == 0 || state is not { Length: > 0 })
        {
            return CommitOutcome.Refused(null);
        }

        return CommitOutcome.Refused(new StoredSession(Deserialize(sessionKey, state), version));
    }

    private static AccountingSessionState Deserialize(string sessionKey, byte[] state) =>
        JsonSerializer.Deserialize(state, AccountingJson.Default.AccountingSessionState)
            ?? throw new InvalidOperationException($"accounting session {sessionKey} is stored as null");

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
            var result = await operation(_connection.GetDatabase()).ConfigureAwait(false);
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
