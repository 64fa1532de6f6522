using Microsoft.Extensions.Options;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// Accounting of the embedded default (no Valkey) and of tests: the same rules as
/// <see cref="ValkeyAccountingStore"/> in process memory, lost when the process exits. Closed sessions are
/// forgotten after their retention and the export list is bounded, so memory stays bounded.
/// </summary>
public sealed class InMemoryAccountingStore : IAccountingStore
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly long _maxLength;
    private readonly Dictionary<string, (StoredSession Session, DateTimeOffset? ExpiresAt)> _sessions = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _expiries = new();
    private readonly Dictionary<string, HashSet<string>> _nasOpen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, OpenSession>> _userOpen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateTimeOffset>> _userHolds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _stale = new(StringComparer.Ordinal);
    private readonly Queue<AccountingExportRecord> _entries = new();

    public InMemoryAccountingStore(IOptions<AccountingOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxLength = options.Value.StreamMaxLength;
        _time = time;
    }

    /// <summary>The export entries in the order they were appended (at most StreamMaxLength, oldest dropped first).</summary>
    public IReadOnlyList<AccountingExportRecord> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public Task<StoredSession?> LoadAsync(string sessionKey, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            ForgetExpired();
            return Task.FromResult(_sessions.TryGetValue(sessionKey, out var stored) ? stored.Session : null);
        }
    }

    public Task<CommitOutcome> CommitAsync(SessionCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (_lock)
        {
            ForgetExpired();
            var found = _sessions.TryGetValue(commit.SessionKey, out var stored);
            var version = found ? stored.Session.Version : 0;
            if (version != commit.ExpectedVersion)
            {
                return Task.FromResult(CommitOutcome.Refused(found ? stored.Session : null));
            }

            var next = commit.Next;
            var expiresAt = commit.ExpireAfter is { } expire ? _time.GetUtcNow() + expire : (DateTimeOffset?)null;
            _sessions[commit.SessionKey] = (new StoredSession(next.Copy(), version + 1), expiresAt);
            if (expiresAt is { } at)
            {
                _expiries.Enqueue(commit.SessionKey, at);
            }

            if (commit.Export is { } export)
            {
                Append(export);
            }

            UpdateIndexes(commit);
            return Task.FromResult(CommitOutcome.Done);
        }
    }

    public Task ConfirmDurableAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<string>> ListNasSessionsAsync(string nasName, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<string> open = _nasOpen.TryGetValue(nasName, out var sessions) ? [.. sessions.Order(StringComparer.Ordinal)] : [];
            return Task.FromResult(open);
        }
    }

    public Task<IReadOnlyList<OpenSession>> ListUserSessionsAsync(string userName, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<OpenSession> open = _userOpen.TryGetValue(userName, out var sessions) ? [.. sessions.Values.OrderBy(session => session.StartTime)] : [];
            return Task.FromResult(open);
        }
    }

    public Task<IReadOnlyList<string>> DueSessionsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<string> due = [.. _stale.Where(entry => entry.Value <= now).OrderBy(entry => entry.Value).Take(max).Select(entry => entry.Key)];
            return Task.FromResult(due);
        }
    }

    public Task<long> CountOpenAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult((long)_stale.Count);
        }
    }

    public Task RescheduleAsync(string sessionKey, DateTimeOffset? staleAt, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (staleAt is { } at)
            {
                _stale[sessionKey] = at;
            }
            else
            {
                _stale.Remove(sessionKey);
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> TryHoldAsync(string userName, int maxSessions, DateTimeOffset now, DateTimeOffset holdUntil, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var holds = LiveHolds(userName, now);
            var open = _userOpen.TryGetValue(userName, out var sessions) ? sessions.Count : 0;
            if (open + holds.Count >= maxSessions)
            {
                return Task.FromResult(false);
            }

            holds.Add(holdUntil);
            holds.Sort();
            _userHolds[userName] = holds;
            return Task.FromResult(true);
        }
    }

    private void Append(AccountingExportRecord record)
    {
        _entries.Enqueue(record);
        if (_entries.Count > _maxLength)
        {
            _entries.Dequeue();
        }
    }

    private void UpdateIndexes(SessionCommit commit)
    {
        var next = commit.Next;
        if (next.IsOpen)
        {
            Index(_nasOpen, next.NasName, () => new HashSet<string>(StringComparer.Ordinal)).Add(next.SessionId);
            _stale[commit.SessionKey] = commit.StaleAt ?? next.LastChangeAt;
        }
        else
        {
            if (_nasOpen.TryGetValue(next.NasName, out var open) && open.Remove(next.SessionId) && open.Count == 0)
            {
                _nasOpen.Remove(next.NasName);
            }

            _stale.Remove(commit.SessionKey);
        }

        if (commit.UserLeaving is { } leaving && _userOpen.TryGetValue(leaving, out var left) && left.Remove(commit.SessionKey) && left.Count == 0)
        {
            _userOpen.Remove(leaving);
        }

        if (commit.UserJoining is { } joining)
        {
            var sessions = Index(_userOpen, joining, () => new Dictionary<string, OpenSession>(StringComparer.Ordinal));
            if (sessions.TryAdd(commit.SessionKey, commit.OpenEntry))
            {
                // The Start of a login that was granted a hold: the session now counts in its place.
                var holds = LiveHolds(joining, next.LastChangeAt);
                if (holds.Count > 0)
                {
                    holds.RemoveAt(0);
                    if (holds.Count == 0)
                    {
                        _userHolds.Remove(joining);
                    }
                }
            }
            else
            {
                sessions[commit.SessionKey] = commit.OpenEntry;
            }
        }
    }

    private List<DateTimeOffset> LiveHolds(string userName, DateTimeOffset now)
    {
        if (!_userHolds.TryGetValue(userName, out var holds))
        {
            return [];
        }

        holds.RemoveAll(expiry => expiry <= now);
        if (holds.Count == 0)
        {
            _userHolds.Remove(userName);
        }

        return holds;
    }

    private void ForgetExpired()
    {
        var now = _time.GetUtcNow();
        while (_expiries.TryPeek(out var key, out var at) && at <= now)
        {
            _expiries.Dequeue();
            if (_sessions.TryGetValue(key, out var stored) && stored.ExpiresAt is { } expiresAt && expiresAt <= now)
            {
                _sessions.Remove(key);
            }
        }
    }

    private static TValue Index<TValue>(Dictionary<string, TValue> indexes, string key, Func<TValue> create)
    {
        if (!indexes.TryGetValue(key, out var index))
        {
            index = create();
            indexes[key] = index;
        }

        return index;
    }
}
