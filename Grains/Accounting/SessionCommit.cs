namespace Orleans.Radius.Grains.Accounting;

/// <summary>A stored session and the version its next commit must expect.</summary>
public sealed record StoredSession(AccountingSessionState State, long Version);

/// <summary>
/// One atomic change of a session: the new state, the export entry (when the record is exported), and the
/// index changes implied by moving from <paramref name="Previous"/> to <paramref name="Next"/>.
/// </summary>
/// <param name="SessionKey">"{nas}|{session id}".</param>
/// <param name="ExpectedVersion">The version read (0: nothing stored); a different stored version refuses the commit.</param>
/// <param name="Previous">The state before (null: none stored).</param>
/// <param name="Next">The state after.</param>
/// <param name="Export">The export entry, appended with the commit.</param>
/// <param name="StaleAt">Open sessions: when the reaper closes it without news; null for closed sessions.</param>
/// <param name="ExpireAfter">Closed sessions: how long the state is kept; null keeps it (open sessions).</param>
public sealed record SessionCommit(
    string SessionKey,
    long ExpectedVersion,
    AccountingSessionState? Previous,
    AccountingSessionState Next,
    AccountingExportRecord? Export,
    DateTimeOffset? StaleAt,
    TimeSpan? ExpireAfter)
{
    /// <summary>The user whose open-session index loses this session, if any.</summary>
    public string? UserLeaving => Previous is { IsOpen: true, UserName: { } before } && (!Next.IsOpen || Next.UserName != before) ? before : null;

    /// <summary>The user whose open-session index gets (or refreshes) this session, if any.</summary>
    public string? UserJoining => Next is { IsOpen: true, UserName: { } after } ? after : null;

    /// <summary>The index entry of the session while it is open.</summary>
    public OpenSession OpenEntry => new(Next.NasName, Next.SessionId, Next.StartTime ?? Next.LastEventTime, Next.FramedIpAddress);
}
