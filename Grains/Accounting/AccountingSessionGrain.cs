using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// One accounting session (RFC 2866/2869). Each record that changes the session is taken in one atomic
/// store commit — state, export entry, NAS and user indexes, stale deadline — before it is acknowledged,
/// so a crash at any point leaves the record either wholly taken (the retry is a duplicate) or not at all.
/// </summary>
/// <remarks>
/// Commits are optimistic: the first record of an activation is tried as if nothing were stored, so a new
/// session's Start costs one round trip; when something was stored the commit is refused with the stored
/// session, and the record is decided again on it. Closed sessions deactivate (a session closed before its
/// Start lingers a few seconds for it) and expire from the store after <see cref="AccountingOptions.Retention"/>;
/// open ones are closed by the reaper when they go stale.
/// </remarks>
// Activates on the silo the gateway's client reached (chosen by the grain's hash), so records of a
// session need no forwarding hop between silos.
[PreferLocalPlacement]
internal sealed partial class AccountingSessionGrain(
    IAccountingStore store,
    IOptions<AccountingOptions> options,
    TimeProvider time,
    ILogger<AccountingSessionGrain> logger) : Grain, IAccountingSessionGrain
{
    private const string StatusStart = "Start";
    private const string StatusInterim = "Interim-Update";
    private const string StatusStop = "Stop";

    // Another activation (a silo dying while the directory moves) can only interleave briefly.
    private const int MaxAttempts = 3;

    // Without Acct-Session-Time and Event-Timestamp the gateway computes the event time from its receive
    // time minus Acct-Delay-Time, which a retransmission reproduces only to within rounding.
    private static readonly TimeSpan EventTimeTolerance = TimeSpan.FromSeconds(2);

    // How long a session closed before its Start stays active for that Start.
    private static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(5);

    private readonly AccountingOptions _options = options.Value;
    private IGrainTimer? _lingering;
    private StoredSession? _stored;
    private bool _loaded;

    public async Task<AccountingAck> Record(AccountingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!string.Equals(AccountingKeys.Session(record.NasName, record.SessionId), this.GetPrimaryKeyString(), StringComparison.Ordinal))
        {
            throw new ArgumentException("the record belongs to another session grain", nameof(record));
        }

        for (var attempt = 1; ; attempt++)
        {
            var current = _stored?.State ?? new AccountingSessionState();
            if (Refuse(current, record) is { } refused)
            {
                if (refused.Outcome == AccountingOutcome.Duplicate)
                {
                    await store.ConfirmDurableAsync();
                }

                AccountingMetrics.Record(record.StatusType, refused.Outcome);
                Log.RecordRefused(logger, record.StatusType, record.NasName, record.SessionId, refused.Outcome);
                return refused;
            }

            var next = Apply(current, record, time.GetUtcNow());
            var (status, closedBy) = record.StatusType switch
            {
                AccountingStatusType.Start => (StatusStart, null),
                AccountingStatusType.InterimUpdate => (StatusInterim, (string?)null),
                _ => (StatusStop, "nas"),
            };
            var export = ExportOf(next, AccountingRecordId.Of(record), status, record.EventTime, closedBy);
            if (await CommitAsync(next, export, attempt))
            {
                AccountingMetrics.Record(record.StatusType, AccountingOutcome.Recorded);
                return AccountingAck.Recorded;
            }
        }
    }

    public async Task<NasCloseOutcome> CloseForNas(uint terminateCause, DateTimeOffset eventTime)
    {
        for (var attempt = 1; ; attempt++)
        {
            await EnsureLoadedAsync();
            var current = _stored?.State;
            if (current is not { Exists: true, IsOpen: true })
            {
                return NasCloseOutcome.NotOpen;
            }

            if (current.LastEventTime > eventTime)
            {
                return NasCloseOutcome.Newer;
            }

            if (await CloseAsync(current, SessionClosedBy.NasReboot, terminateCause, eventTime, eventTime, attempt))
            {
                return NasCloseOutcome.Closed;
            }
        }
    }

    public async Task Reap()
    {
        for (var attempt = 1; ; attempt++)
        {
            await EnsureLoadedAsync();
            var current = _stored?.State;
            if (current is not { Exists: true, IsOpen: true })
            {
                // Closed or gone, yet scheduled: a schedule entry outlived its session; drop it.
                await store.RescheduleAsync(this.GetPrimaryKeyString(), staleAt: null);
                DeactivateOnIdle();
                return;
            }

            var now = time.GetUtcNow();
            var staleAt = current.LastChangeAt + _options.StaleAfter(current.AnnouncedInterimInterval);
            if (now < staleAt)
            {
                await store.RescheduleAsync(this.GetPrimaryKeyString(), staleAt);
                return;
            }

            // The close is dated now; its id is tied to the last record so a retry after a crash repeats it.
            if (await CloseAsync(current, SessionClosedBy.Reaper, terminateCause: null, eventTime: now, idTime: current.LastEventTime, attempt))
            {
                Log.Reaped(logger, current.NasName, current.SessionId, current.LastChangeAt);
                return;
            }
        }
    }

    public async Task<AccountingSessionView?> Get()
    {
        await EnsureLoadedAsync();
        if (_stored?.State is not { Exists: true } session)
        {
            DeactivateOnIdle();
            return null;
        }

        return session.ToView();
    }

    // The records that change nothing, or null when the record must be applied.
    private static AccountingAck? Refuse(AccountingSessionState current, AccountingRecord record) => record.StatusType switch
    {
        AccountingStatusType.Start when current.StartSeen => AccountingAck.Duplicate,
        AccountingStatusType.Stop when current.StopSeen => AccountingAck.Duplicate,
        AccountingStatusType.InterimUpdate when current.Exists && IsRepeatedInterim(current, record) => AccountingAck.Duplicate,

        // A session the reaper closed is reopened by a newer Interim-Update: the NAS still has it.
        AccountingStatusType.InterimUpdate when current.Exists && !current.IsOpen && current.ClosedBy != SessionClosedBy.Reaper => AccountingAck.Ignored,
        AccountingStatusType.Start or AccountingStatusType.Stop or AccountingStatusType.InterimUpdate => null,
        _ => AccountingAck.Ignored,
    };

    // Interim-Updates are ordered by Acct-Session-Time when the NAS sends it, else by event time; an
    // older or equal one is a retransmission or arrived out of order and has nothing new to say.
    private static bool IsRepeatedInterim(AccountingSessionState current, AccountingRecord record)
    {
        if (record.SessionTime is { } sessionTime && current.LastInterimSessionTime is { } lastSessionTime)
        {
            return sessionTime <= lastSessionTime;
        }

        return current.LastInterimEventTime is { } lastEvent && record.EventTime <= lastEvent + EventTimeTolerance;
    }

    private static AccountingSessionState Apply(AccountingSessionState current, AccountingRecord record, DateTimeOffset now)
    {
        var next = current.Exists
            ? current.Copy()
            : new AccountingSessionState
            {
                Exists = true,
                NasName = record.NasName,
                SessionId = record.SessionId,
                IsOpen = true,
                LastEventTime = record.EventTime,
            };

        switch (record.StatusType)
        {
            case AccountingStatusType.Start:
                next.StartSeen = true;
                next.StartTime = record.EventTime;
                break;
            case AccountingStatusType.InterimUpdate:
                next.LastInterimSessionTime = record.SessionTime ?? next.LastInterimSessionTime;
                next.LastInterimEventTime = record.EventTime;
                next.IsOpen = true;
                next.ClosedBy = SessionClosedBy.None;
                next.ClosedAt = null;
                next.TerminateCause = null;
                break;
            default:
                next.StopSeen = true;
                next.IsOpen = false;
                next.ClosedBy = SessionClosedBy.Nas;
                next.ClosedAt = record.EventTime;
                next.TerminateCause = record.TerminateCause ?? next.TerminateCause;
                break;
        }

        // Counters are cumulative on the NAS: keep the highest seen, so a late or replayed record never
        // rolls them back and applying the same record twice changes nothing.
        next.SessionTime = Math.Max(next.SessionTime, record.SessionTime ?? 0);
        next.InputOctets = Math.Max(next.InputOctets, record.InputOctets ?? 0);
        next.OutputOctets = Math.Max(next.OutputOctets, record.OutputOctets ?? 0);
        next.InputPackets = Math.Max(next.InputPackets, record.InputPackets ?? 0);
        next.OutputPackets = Math.Max(next.OutputPackets, record.OutputPackets ?? 0);
        next.LastEventTime = record.EventTime > next.LastEventTime ? record.EventTime : next.LastEventTime;
        next.StartTime ??= record.EventTime - TimeSpan.FromSeconds(record.SessionTime ?? 0);
        next.UserName = record.UserName ?? next.UserName;
        next.FramedIpAddress = record.FramedIpAddress ?? next.FramedIpAddress;
        next.CallingStationId = record.CallingStationId ?? next.CallingStationId;
        next.CalledStationId = record.CalledStationId ?? next.CalledStationId;
        next.NasPort = record.NasPort ?? next.NasPort;
        next.InterimInterval = record.InterimInterval is > 0 ? record.InterimInterval : next.InterimInterval;
        next.LastChangeAt = now;
        return next;
    }

    private static AccountingExportRecord ExportOf(AccountingSessionState session, string recordId, string status, DateTimeOffset eventTime, string? closedBy) => new(
        recordId, session.NasName, session.SessionId, status, session.UserName, eventTime, session.SessionTime,
        session.InputOctets, session.OutputOctets, session.InputPackets, session.OutputPackets,
        session.FramedIpAddress, session.CallingStationId, session.CalledStationId, session.NasPort,
        status == StatusStop ? session.TerminateCause : null, closedBy);

    private Task<bool> CloseAsync(AccountingSessionState current, SessionClosedBy closedBy, uint? terminateCause, DateTimeOffset eventTime, DateTimeOffset idTime, int attempt)
    {
        var next = current.Copy();
        next.IsOpen = false;
        next.ClosedBy = closedBy;
        next.ClosedAt = eventTime;
        next.TerminateCause = terminateCause;
        next.LastChangeAt = time.GetUtcNow();
        var recordId = AccountingRecordId.OfClose(current.NasName, current.SessionId, closedBy, idTime);
        var export = ExportOf(next, recordId, StatusStop, eventTime, closedBy == SessionClosedBy.Reaper ? "reaper" : "nas-reboot");
        return CommitAsync(next, export, attempt, closedBy);
    }

    // True when committed; false when the stored version moved and the caller must decide again on what
    // was just read. Throws when the outcome is unknown: the NAS's retransmission finds out after a reload.
    private async Task<bool> CommitAsync(AccountingSessionState next, AccountingExportRecord export, int attempt, SessionClosedBy closedBy = SessionClosedBy.None)
    {
        var version = _loaded ? _stored?.Version ?? 0 : 0;
        var commit = new SessionCommit(
            this.GetPrimaryKeyString(),
            version,
            _stored?.State,
            next,
            export,
            next.IsOpen ? next.LastChangeAt + _options.StaleAfter(next.AnnouncedInterimInterval) : null,
            next.IsOpen ? null : _options.Retention);
        CommitOutcome outcome;
        try
        {
            outcome = await store.CommitAsync(commit);
        }
        catch
        {
            _loaded = false;
            _stored = null;
            throw;
        }

        if (!outcome.Applied)
        {
            if (attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"accounting session {commit.SessionKey} kept changing under this activation");
            }

            if (_loaded)
            {
                Log.Conflict(logger, next.NasName, next.SessionId);
            }

            // The refusal carries what is stored: decide again on it without another read.
            _stored = outcome.Current;
            _loaded = true;
            return false;
        }

        _stored = new StoredSession(next, version + 1);
        _loaded = true;
        AccountingMetrics.Export(export.Status);
        if (closedBy != SessionClosedBy.None)
        {
            AccountingMetrics.Close(closedBy);
        }

        if (!next.IsOpen && next.StartSeen)
        {
            // A retransmitted Stop finds the session in the store; nothing else needs this activation.
            DeactivateOnIdle();
        }
        else if (!next.IsOpen && _lingering is null)
        {
            // Closed before its Start arrived (the NAS sent both at once and the Stop won the race): the Start
            // is usually already queued here. Deactivating now would hand it to a new activation that reads
            // the session again; linger briefly instead.
            _lingering = this.RegisterGrainTimer(static (grain, _) =>
            {
                grain.DeactivateOnIdle();
                return Task.CompletedTask;
            }, this, StartGrace, Timeout.InfiniteTimeSpan);
        }
        else if (next.IsOpen && _lingering is not null)
        {
            // Reopened (an Interim-Update after a reaper's close): it stays like any open session.
            _lingering.Dispose();
            _lingering = null;
        }

        return true;
    }

    private async Task EnsureLoadedAsync()
    {
        if (!_loaded)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _stored = await store.LoadAsync(this.GetPrimaryKeyString());
        _loaded = true;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "{Status} for session {SessionId} of {NasName} taken as {Outcome}")]
        public static partial void RecordRefused(ILogger logger, AccountingStatusType status, string nasName, string sessionId, AccountingOutcome outcome);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Session {SessionId} of {NasName} closed as stale: no update since {LastChangeAt}")]
        public static partial void Reaped(ILogger logger, string nasName, string sessionId, DateTimeOffset lastChangeAt);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Session {SessionId} of {NasName} was changed by another activation; reading it again")]
        public static partial void Conflict(ILogger logger, string nasName, string sessionId);
    }
}
