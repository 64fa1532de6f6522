using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// One accounting session (RFC 2866/2869). A record that changes the session is exported, the NAS and
/// user indexes are updated and the session's reminder is set, and only then is the state written and the
/// record acknowledged; every step is idempotent, so a retry after a crash anywhere repeats none of them.
/// </summary>
/// <remarks>
/// One reminder per session: while open it is the stale-session deadline (last change + StaleMultiplier ×
/// interim interval + StaleGrace), re-armed only when it fires early; on close it becomes the retention
/// deadline, after which the stored state is cleared. Every session is therefore forgotten eventually.
/// </remarks>
internal sealed partial class AccountingSessionGrain(
    [PersistentState("accounting")] IPersistentState<AccountingSessionState> state,
    IAccountingExporter exporter,
    IOptions<AccountingOptions> options,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider time,
    ILogger<AccountingSessionGrain> logger) : Grain, IAccountingSessionGrain, IRemindable
{
    private const string ReminderName = "session";
    private const string StatusStart = "Start";
    private const string StatusInterim = "Interim-Update";
    private const string StatusStop = "Stop";

    // Without Acct-Session-Time and Event-Timestamp the gateway computes the event time from its receive
    // time minus Acct-Delay-Time, which a retransmission reproduces only to within rounding.
    private static readonly TimeSpan EventTimeTolerance = TimeSpan.FromSeconds(2);

    private readonly AccountingOptions _options = options.Value;

    public async Task<AccountingAck> Record(AccountingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!string.Equals(AccountingKeys.Session(record.NasName, record.SessionId), this.GetPrimaryKeyString(), StringComparison.Ordinal))
        {
            throw new ArgumentException("the record belongs to another session grain", nameof(record));
        }

        var current = state.State;
        if (Refuse(current, record) is { } refused)
        {
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
        await ExportAsync(ExportOf(next, AccountingRecordId.Of(record), status, record.EventTime, closedBy));
        await CommitAsync(current, next, updateNasIndex: true);
        AccountingMetrics.Record(record.StatusType, AccountingOutcome.Recorded);
        return AccountingAck.Recorded;
    }

    public async Task<NasCloseOutcome> CloseForNas(uint terminateCause, DateTimeOffset eventTime)
    {
        var current = state.State;
        if (!current.Exists || !current.IsOpen)
        {
            return NasCloseOutcome.NotOpen;
        }

        if (current.LastEventTime > eventTime)
        {
            return NasCloseOutcome.Newer;
        }

        // The NAS's own index removes the session itself: calling back into it here would only wait on it.
        await CloseAsync(SessionClosedBy.NasReboot, terminateCause, eventTime, eventTime, updateNasIndex: false);
        return NasCloseOutcome.Closed;
    }

    public Task<AccountingSessionView?> Get()
    {
        if (!state.State.Exists)
        {
            DeactivateOnIdle();
            return Task.FromResult<AccountingSessionView?>(null);
        }

        return Task.FromResult<AccountingSessionView?>(state.State.ToView());
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        var current = state.State;
        var now = time.GetUtcNow();
        if (!current.Exists)
        {
            await DisarmAsync();
            DeactivateOnIdle();
            return;
        }

        if (current.IsOpen)
        {
            var staleAt = current.LastChangeAt + _options.StaleAfter(current.AnnouncedInterimInterval);
            if (now < staleAt)
            {
                // An update arrived since the reminder was set: wait for the deadline it moved to.
                await ArmAsync(staleAt - now);
                return;
            }

            // The close is dated now; its id is tied to the last record so a retry after a crash repeats it.
            await CloseAsync(SessionClosedBy.Reaper, terminateCause: null, eventTime: now, idTime: current.LastEventTime, updateNasIndex: true);
            Log.Reaped(logger, current.NasName, current.SessionId, current.LastChangeAt);
            return;
        }

        var forgetAt = current.LastChangeAt + _options.Retention;
        if (now < forgetAt)
        {
            await ArmAsync(forgetAt - now);
            return;
        }

        await DisarmAsync();
        await state.ClearStateAsync();
        state.State = new AccountingSessionState();
        DeactivateOnIdle();
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

    private async Task CloseAsync(SessionClosedBy closedBy, uint? terminateCause, DateTimeOffset eventTime, DateTimeOffset idTime, bool updateNasIndex)
    {
        var current = state.State;
        var next = current.Copy();
        next.IsOpen = false;
        next.ClosedBy = closedBy;
        next.ClosedAt = eventTime;
        next.TerminateCause = terminateCause;
        next.LastChangeAt = time.GetUtcNow();
        var recordId = AccountingRecordId.OfClose(current.NasName, current.SessionId, closedBy, idTime);
        await ExportAsync(ExportOf(next, recordId, StatusStop, eventTime, closedBy == SessionClosedBy.Reaper ? "reaper" : "nas-reboot"));
        await CommitAsync(current, next, updateNasIndex);
        AccountingMetrics.Close(closedBy);
    }

    private static AccountingExportRecord ExportOf(AccountingSessionState session, string recordId, string status, DateTimeOffset eventTime, string? closedBy) => new(
        recordId, session.NasName, session.SessionId, status, session.UserName, eventTime, session.SessionTime,
        session.InputOctets, session.OutputOctets, session.InputPackets, session.OutputPackets,
        session.FramedIpAddress, session.CallingStationId, session.CalledStationId, session.NasPort,
        status == StatusStop ? session.TerminateCause : null, closedBy);

    private async Task ExportAsync(AccountingExportRecord record)
    {
        var appended = await exporter.ExportAsync(record);
        AccountingMetrics.Export(record.Status, appended);
        if (!appended)
        {
            Log.AlreadyExported(logger, record.RecordId, record.NasName, record.SessionId);
        }
    }

    // Indexes and reminder first, state last: the state write is what makes the record a duplicate next
    // time, so everything before it is repeated (idempotently) when a crash interrupts the sequence.
    private async Task CommitAsync(AccountingSessionState current, AccountingSessionState next, bool updateNasIndex)
    {
        var wasOpen = current.Exists && current.IsOpen;
        await UpdateIndexesAsync(current, next, wasOpen, updateNasIndex);
        if (!current.Exists || wasOpen != next.IsOpen || (next.IsOpen && current.InterimInterval != next.InterimInterval))
        {
            await ArmAsync(next.IsOpen ? _options.StaleAfter(next.AnnouncedInterimInterval) : _options.Retention);
        }

        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not durable, so not taken: the retry must find the old state. The write may still have
            // landed (a lost reply), so the next activation reloads rather than trusting this ETag.
            state.State = current;
            DeactivateOnIdle();
            throw;
        }
    }

    private Task UpdateIndexesAsync(AccountingSessionState current, AccountingSessionState next, bool wasOpen, bool updateNasIndex)
    {
        List<Task> updates = [];
        var nas = GrainFactory.GetGrain<INasSessionsGrain>(next.NasName);
        if (!wasOpen && next.IsOpen)
        {
            updates.Add(nas.Add(next.SessionId));
        }
        else if (wasOpen && !next.IsOpen && updateNasIndex)
        {
            updates.Add(nas.Remove(next.SessionId));
        }

        var oldUser = wasOpen ? current.UserName : null;
        var newUser = next.IsOpen ? next.UserName : null;
        if (oldUser is not null && oldUser != newUser)
        {
            updates.Add(GrainFactory.GetGrain<IUserSessionsGrain>(oldUser).Remove(next.NasName, next.SessionId));
        }

        if (newUser is not null
            && (oldUser != newUser || current.FramedIpAddress != next.FramedIpAddress || current.StartTime != next.StartTime))
        {
            var open = new OpenSession(next.NasName, next.SessionId, next.StartTime ?? next.LastEventTime, next.FramedIpAddress);
            updates.Add(GrainFactory.GetGrain<IUserSessionsGrain>(newUser).Add(open));
        }

        return Task.WhenAll(updates);
    }

    private async Task ArmAsync(TimeSpan due)
    {
        // Orleans refuses periods below its minimum; the period is only a fallback, each tick re-arms or closes.
        var dueTime = due < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : due;
        var minimum = reminderOptions.Value.MinimumReminderPeriod;
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, dueTime < minimum ? minimum : dueTime);
    }

    private async Task DisarmAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "{Status} for session {SessionId} of {NasName} taken as {Outcome}")]
        public static partial void RecordRefused(ILogger logger, AccountingStatusType status, string nasName, string sessionId, AccountingOutcome outcome);

        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Accounting record {RecordId} of session {SessionId} of {NasName} was already exported; completing the interrupted write")]
        public static partial void AlreadyExported(ILogger logger, string recordId, string nasName, string sessionId);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Session {SessionId} of {NasName} closed as stale: no update since {LastChangeAt}")]
        public static partial void Reaped(ILogger logger, string nasName, string sessionId, DateTimeOffset lastChangeAt);
    }
}
