namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// One accounting session, keyed by <see cref="AccountingKeys.Session"/> ("{nasName}|{acctSessionId}"):
/// its counters and open/closed state, durable before any record is acknowledged.
/// </summary>
[Alias("radius.accounting-session")]
public interface IAccountingSessionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes a Start, Interim-Update or Stop. Returns once the record, its export entry and the indexes are
    /// durably written in one step; a retransmitted or replayed record is acknowledged without a second effect.
    /// </summary>
    [Alias("record")]
    Task<AccountingAck> Record(AccountingRecord record);

    /// <summary>
    /// Closes the session because its NAS rebooted (Accounting-On/Off at <paramref name="eventTime"/>),
    /// exporting the close; called by <see cref="INasSessionsGrain.CloseAll"/>.
    /// </summary>
    [Alias("close-for-nas")]
    Task<NasCloseOutcome> CloseForNas(uint terminateCause, DateTimeOffset eventTime);

    /// <summary>
    /// Called by the reaper for a session past its stale deadline: closes it (exported with closed_by
    /// "reaper") when no update arrived meanwhile, else moves its deadline.
    /// </summary>
    [Alias("reap")]
    Task Reap();

    /// <summary>The session as stored, or null when nothing is stored (never seen, or past retention).</summary>
    [Alias("get")]
    Task<AccountingSessionView?> Get();
}
