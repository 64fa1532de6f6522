namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// One accounting session, keyed by <see cref="AccountingKeys.Session"/> ("{nasName}|{acctSessionId}"):
/// its counters and open/closed state, durable before any record is acknowledged.
/// </summary>
[Alias("radius.accounting-session")]
public interface IAccountingSessionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes a Start, Interim-Update or Stop. Returns once the record is exported and the session state is
    /// durably written; a retransmitted or replayed record is acknowledged without a second effect.
    /// </summary>
    [Alias("record")]
    Task<AccountingAck> Record(AccountingRecord record);

    /// <summary>
    /// Closes the session because its NAS rebooted (Accounting-On/Off at <paramref name="eventTime"/>),
    /// exporting the close; called by <see cref="INasSessionsGrain.CloseAll"/>.
    /// </summary>
    [Alias("close-for-nas")]
    Task<NasCloseOutcome> CloseForNas(uint terminateCause, DateTimeOffset eventTime);

    /// <summary>The session as stored, or null when nothing is stored (never seen, or past retention).</summary>
    [Alias("get")]
    Task<AccountingSessionView?> Get();
}
