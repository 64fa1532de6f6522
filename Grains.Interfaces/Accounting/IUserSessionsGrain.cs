namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// The open sessions of one user, keyed by User-Name: "who is online" and the Simultaneous-Use check made
/// at Access-Request time. The index itself is kept by the session commits in the store.
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
}
