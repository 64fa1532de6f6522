namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// The open sessions of one user, keyed by User-Name, kept by the session grains: "who is online" and the
/// Simultaneous-Use check made at Access-Request time.
/// </summary>
[Alias("radius.user-sessions")]
public interface IUserSessionsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Simultaneous-Use: grants (and holds for <paramref name="holdFor"/>, until its Start arrives) one more
    /// session when the open sessions plus the held reservations are below <paramref name="maxSessions"/>.
    /// A <paramref name="maxSessions"/> of zero or less means no limit.
    /// </summary>
    [Alias("try-reserve")]
    Task<bool> TryReserve(int maxSessions, TimeSpan holdFor);

    /// <summary>The user's open sessions, oldest first.</summary>
    [Alias("list")]
    Task<IReadOnlyList<OpenSession>> List();

    /// <summary>Adds or refreshes an open session; a new one consumes the oldest held reservation.</summary>
    [Alias("add")]
    Task Add(OpenSession session);

    /// <summary>Removes a session that closed (idempotent).</summary>
    [Alias("remove")]
    Task Remove(string nasName, string sessionId);
}
