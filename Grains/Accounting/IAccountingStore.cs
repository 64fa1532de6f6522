namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// Where accounting sessions, their indexes and the export live. <see cref="CommitAsync"/> applies one
/// record's whole effect — session state, export entry, NAS and user indexes, stale deadline — in one
/// atomic step, so a record is either fully taken or not at all, and costs one round trip to Valkey.
/// </summary>
public interface IAccountingStore
{
    /// <summary>The stored session and its version, or null when nothing is stored under the key.</summary>
    Task<StoredSession?> LoadAsync(string sessionKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="commit"/> when the stored version still equals its expected version; when it
    /// does not, returns what is stored instead. Throws when the outcome is unknown (the NAS retransmits and
    /// the retry finds out).
    /// </summary>
    Task<CommitOutcome> CommitAsync(SessionCommit commit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns once everything committed before the call is as durable as a commit (on the required
    /// replicas); a duplicate is acknowledged only after this, since its original may not have been.
    /// </summary>
    Task ConfirmDurableAsync(CancellationToken cancellationToken = default);

    /// <summary>Acct-Session-Ids of the NAS's open sessions.</summary>
    Task<IReadOnlyList<string>> ListNasSessionsAsync(string nasName, CancellationToken cancellationToken = default);

    /// <summary>The user's open sessions ("who is online").</summary>
    Task<IReadOnlyList<OpenSession>> ListUserSessionsAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> keys of open sessions whose stale deadline is at or before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<string>> DueSessionsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>How many sessions are open in the whole store.</summary>
    Task<long> CountOpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Moves a session's stale deadline (or drops it from the schedule when null).</summary>
    Task RescheduleAsync(string sessionKey, DateTimeOffset? staleAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Simultaneous-Use: holds one more session for <paramref name="userName"/> until <paramref name="holdUntil"/>
    /// when open sessions plus live holds are below <paramref name="maxSessions"/>. A Start that opens a
    /// session of the user releases the oldest hold in the same step as it adds the session.
    /// </summary>
    Task<bool> TryHoldAsync(string userName, int maxSessions, DateTimeOffset now, DateTimeOffset holdUntil, CancellationToken cancellationToken = default);
}
